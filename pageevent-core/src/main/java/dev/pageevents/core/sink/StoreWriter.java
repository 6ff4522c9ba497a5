package dev.pageevents.core.sink;

import dev.pageevents.core.sink.exact.OffsetStore;
import java.util.List;
import java.util.Optional;

/**
 * The only part of a sink that knows its store: writes batches and classifies the store's errors.
 * The {@link WritePipeline} does batching, retries, bisection and error reporting around it.
 */
public interface StoreWriter extends AutoCloseable {

  /**
   * Sets up what the store needs before the first batch (schema, index template, scripts) and
   * checks what it finds there. The {@link WritePipeline} calls it at task start and, when the
   * store could not be reached then (a transient error), again before the first write, with the
   * write's retries: Connect never restarts a task whose start failed, so a store that is down
   * while the task starts must not fail it. Any other error fails the task.
   */
  default void prepare() throws Exception {}

  /**
   * Writes a batch durably (as durably as the store's configured write guarantees allow). Writes
   * must be idempotent: after a failure or a restart the same records are written again.
   *
   * @throws Exception anything the store raised; {@link #classify} decides what happens next
   */
  void write(List<PageEventRecord> batch) throws Exception;

  /** Says whether an error from {@link #write} is worth a retry, a data error or fatal. */
  ErrorKind classify(Throwable error);

  /**
   * Whether the store keeps one document per event id and can delete one ({@link
   * DocumentStoreWriter}): its batches may then hold deletes, and hold only the last operation per
   * id.
   */
  default boolean keepsDocumentsById() {
    return false;
  }

  /**
   * The store's own record of the offsets it applied, when it keeps one atomically with its data;
   * the task then resumes newly assigned partitions from there.
   */
  default Optional<OffsetStore> offsetStore() {
    return Optional.empty();
  }

  /** Releases the store's client; called once when the task stops. */
  @Override
  void close();
}
