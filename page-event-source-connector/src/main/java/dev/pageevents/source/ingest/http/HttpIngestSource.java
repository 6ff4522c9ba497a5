package dev.pageevents.source.ingest.http;

import dev.pageevents.core.event.FieldMapping;
import dev.pageevents.core.event.PageEventConverter;
import dev.pageevents.source.emit.EventSource;
import dev.pageevents.source.emit.RecordFactory;
import dev.pageevents.source.ingest.EventBodyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The HTTP mode of a task: hands the events that requests queued to Connect, and tells each request
 * when Kafka acknowledged its events. Events without an eventId get a random UUID.
 */
public final class HttpIngestSource implements EventSource {
  private static final long MAX_WAIT_MS = 100;

  private final HttpIngestServer server;
  private final int batchMax;

  public HttpIngestSource(HttpIngestSettings settings, RecordFactory records, int batchMax) {
    EventBodyParser parser =
        new EventBodyParser(
            new PageEventConverter(FieldMapping.defaults()), () -> UUID.randomUUID().toString());
    this.server = new HttpIngestServer(settings, parser, records);
    this.batchMax = batchMax;
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    List<IngestRecord> taken = server.take(batchMax, MAX_WAIT_MS);
    return taken.isEmpty() ? null : new ArrayList<>(taken);
  }

  @Override
  public void commitRecord(SourceRecord record, RecordMetadata metadata) {
    if (record instanceof IngestRecord ingested) {
      server.acknowledged(ingested);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
