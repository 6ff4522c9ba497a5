package dev.pageevents.core.sink;

import dev.pageevents.core.sink.exact.StoreLostWritesException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;

/**
 * Where batch writes run: inline on the task thread, or (pipelined) on one background thread so the
 * store writes one batch while Connect polls and the task converts the next. At most one batch is
 * in flight, and a batch starts only after the one before it has succeeded, so batches are written
 * in order and nothing after a failed batch is written.
 */
final class BatchWrites implements AutoCloseable {

  /**
   * A batch ran out of retries, or the store lost earlier writes: from {@code firstOffsets} on (per
   * partition: the batch's first offset, or the first one the store lacks), everything the task
   * received is unwritten.
   */
  static final class UnwrittenBatchException extends RuntimeException {
    private final transient Map<TopicPartition, Long> firstOffsets;

    UnwrittenBatchException(Map<TopicPartition, Long> firstOffsets, RuntimeException cause) {
      super(cause.getMessage(), cause);
      this.firstOffsets = firstOffsets;
    }

    Map<TopicPartition, Long> firstOffsets() {
      return firstOffsets;
    }

    /** Whether the store lost writes it had acknowledged (not merely a batch out of retries). */
    boolean storeLostWrites() {
      return getCause() instanceof StoreLostWritesException;
    }
  }

  private final ExecutorService thread;
  private Future<?> inFlight;
  private Map<TopicPartition, Long> inFlightFirstOffsets;
  private RuntimeException fatal;

  private BatchWrites(ExecutorService thread) {
    this.thread = thread;
  }

  static BatchWrites inline() {
    return new BatchWrites(null);
  }

  static BatchWrites pipelined(String threadName) {
    return new BatchWrites(
        Executors.newSingleThreadExecutor(
            task -> {
              Thread t = new Thread(task, threadName);
              t.setDaemon(true);
              return t;
            }));
  }

  /**
   * Runs {@code write} after the batch in flight has succeeded: inline it returns when written,
   * pipelined it returns at once.
   *
   * @throws UnwrittenBatchException when the batch in flight ran out of retries, or a batch found
   *     that the store lost earlier writes
   * @throws ConnectException when it failed for good (the task must stop)
   */
  void submit(Map<TopicPartition, Long> firstOffsets, Runnable write) {
    awaitInFlight();
    if (thread == null) {
      try {
        write.run();
      } catch (StoreLostWritesException lost) {
        throw new UnwrittenBatchException(lostFrom(firstOffsets, lost), lost);
      }
      return;
    }
    inFlightFirstOffsets = Map.copyOf(firstOffsets);
    inFlight = thread.submit(write);
  }

  /** Waits until no batch is in flight; throws as {@link #submit} does. */
  void awaitInFlight() {
    if (fatal != null) {
      throw fatal;
    }
    if (inFlight == null) {
      return;
    }
    try {
      inFlight.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectException("Interrupted while waiting for a batch write", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof StoreLostWritesException lost) {
        throw new UnwrittenBatchException(lostFrom(inFlightFirstOffsets, lost), lost);
      }
      if (cause instanceof RetriableException retriable) {
        throw new UnwrittenBatchException(inFlightFirstOffsets, retriable);
      }
      fatal =
          cause instanceof ConnectException connect
              ? connect
              : new ConnectException("A batch write failed: " + cause.getMessage(), cause);
      throw fatal;
    } finally {
      inFlight = null;
      inFlightFirstOffsets = null;
    }
  }

  /** The batch is unwritten, and so is what the store lost before it. */
  private static Map<TopicPartition, Long> lostFrom(
      Map<TopicPartition, Long> batchFirstOffsets, StoreLostWritesException lost) {
    Map<TopicPartition, Long> from = new HashMap<>(batchFirstOffsets);
    lost.resumeFrom().forEach((partition, offset) -> from.merge(partition, offset, Math::min));
    return from;
  }

  /** Interrupts a write in flight (its offsets are not committed, so it is written again). */
  @Override
  public void close() {
    if (thread == null) {
      return;
    }
    thread.shutdownNow();
    try {
      thread.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
