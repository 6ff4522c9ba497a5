package dev.pageevents.source.emit;

import java.util.List;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;

/** One way of producing page event records (generator, HTTP, file) behind a source task. */
public interface EventSource extends AutoCloseable {

  /** The next records, or null when none are ready; blocks at most briefly. */
  List<SourceRecord> poll() throws InterruptedException;

  /** Kafka acknowledged (metadata non-null) or Connect dropped/filtered (null) a record. */
  default void commitRecord(SourceRecord record, RecordMetadata metadata) {}

  /** Releases what the source holds; called once, possibly while poll() runs on another thread. */
  @Override
  void close();
}
