package dev.pageevents.core.sink;

import dev.pageevents.core.config.PageEventSinkConfig;
import dev.pageevents.core.event.KeyIds;
import dev.pageevents.core.event.PageEventConverter;
import dev.pageevents.core.event.PageEventDataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * What a tombstone (a record with a null value) becomes: a delete of the document its key names
 * when the writer is a {@link DocumentStoreWriter} and {@code delete.on.null.values=true},
 * otherwise a bad record whose message says why.
 */
final class Tombstones {
  private final KeyIds keys;
  private final boolean documents;
  private final boolean deleteOnNull;

  Tombstones(KeyIds keys, StoreWriter writer, boolean deleteOnNull) {
    this.keys = keys;
    this.documents = writer.keepsDocumentsById();
    this.deleteOnNull = deleteOnNull;
  }

  /**
   * @throws PageEventDataException naming the record when the tombstone cannot be applied
   */
  PageEventRecord delete(SinkRecord record) {
    String ref = PageEventConverter.describe(record);
    if (!documents) {
      throw new PageEventDataException(
          ref,
          null,
          "is null (a tombstone); this sink aggregates events and does not support deletes");
    }
    if (!deleteOnNull) {
      throw new PageEventDataException(
          ref,
          null,
          "is null (a tombstone); expected a page event (set "
              + PageEventSinkConfig.DELETE_ON_NULL_CONFIG
              + "=true to delete the document whose id is the record key)");
    }
    return PageEventRecord.delete(record, keys.idOf(record));
  }
}
