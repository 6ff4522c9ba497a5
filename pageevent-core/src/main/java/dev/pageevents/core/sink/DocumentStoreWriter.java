package dev.pageevents.core.sink;

import java.util.List;

/**
 * A {@link StoreWriter} that keeps one document per event id and can delete a document by id
 * (MongoDB, Elasticsearch). Its batches may hold deletes ({@link PageEventRecord#isDelete()}) when
 * the connector sets {@code delete.on.null.values=true}, and never hold two items with the same
 * {@link PageEventRecord#id()}: the pipeline keeps only the last operation per id ({@link
 * LastPerId}), so a store that applies a bulk out of order still ends where the topic ends.
 */
public interface DocumentStoreWriter extends StoreWriter {
  @Override
  default boolean keepsDocumentsById() {
    return true;
  }

  /** Writes upserts and deletes, at most one per id; same contract as {@link StoreWriter}. */
  @Override
  void write(List<PageEventRecord> batch) throws Exception;
}
