package dev.pageevents.source.ingest.http;

import dev.pageevents.core.event.PageEvent;
import dev.pageevents.source.emit.RecordFactory;
import org.apache.kafka.connect.source.SourceRecord;

/** A source record of an HTTP-ingested event that remembers the request waiting for it. */
final class IngestRecord extends SourceRecord {
  private final IngestBatch batch;

  IngestRecord(RecordFactory factory, PageEvent event, IngestBatch batch) {
    super(
        null,
        null,
        factory.topic(),
        null,
        factory.keySchema(),
        factory.key(event),
        factory.valueSchema(),
        factory.value(event),
        event.timestampMs());
    this.batch = batch;
  }

  IngestBatch batch() {
    return batch;
  }
}
