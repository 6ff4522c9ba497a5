package dev.pageevents.core.sink;

import dev.pageevents.core.event.PageEvent;
import java.util.Objects;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One item of a batch, with the Kafka record it came from (topic, partition, offset): an upsert of
 * a page event, or, only for a {@link DocumentStoreWriter}, a delete of the document whose id a
 * tombstone's key names.
 *
 * @param event the event to write, or null for a delete
 * @param deleteId the id of the document to delete, or null for an upsert
 */
public record PageEventRecord(SinkRecord record, PageEvent event, String deleteId) {

  public PageEventRecord {
    if ((event == null) == (deleteId == null)) {
      throw new IllegalArgumentException("give either an event to write or an id to delete");
    }
  }

  /** An upsert of {@code event}. */
  public PageEventRecord(SinkRecord record, PageEvent event) {
    this(record, Objects.requireNonNull(event, "event"), null);
  }

  /** A delete of the document {@code id}, asked for by the tombstone {@code record}. */
  public static PageEventRecord delete(SinkRecord record, String id) {
    return new PageEventRecord(record, null, Objects.requireNonNull(id, "id"));
  }

  public boolean isDelete() {
    return deleteId != null;
  }

  /** The document id this item writes or deletes. */
  public String id() {
    return isDelete() ? deleteId : event.eventId();
  }
}
