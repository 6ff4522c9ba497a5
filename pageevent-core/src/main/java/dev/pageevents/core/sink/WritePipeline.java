package dev.pageevents.core.sink;

import dev.pageevents.core.config.PageEventSinkConfig;
import dev.pageevents.core.event.KeyIds;
import dev.pageevents.core.event.PageEventConverter;
import dev.pageevents.core.sink.exact.StoreLostWritesException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write path every sink task delegates to: converts records to page events, writes them in
 * batches through a {@link StoreWriter}, retries transient errors with backoff, splits a batch the
 * store rejects until the bad records are found, reports those, and tracks which offsets are safe
 * to commit. With {@code pipelined.writes} a batch is written on a background thread while Connect
 * polls the next records ({@link BatchWrites}); a batch that runs out of retries there makes the
 * task rewind its consumer to the batch's first offsets and write from there again. When an exact
 * store turns out to have lost writes it acknowledged ({@link StoreLostWritesException}), the task
 * rewinds to where the store's own offsets end, in either mode.
 */
public final class WritePipeline implements AutoCloseable {

  /** Waits between retries; replaced by a fake clock in tests. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  /**
   * @param batchSize most records per write
   * @param retry how transient errors are retried
   * @param tolerateAll whether bad records are reported and skipped ({@code errors.tolerance=all})
   * @param deleteOnNull whether a tombstone deletes its key's document ({@code
   *     delete.on.null.values}; only a {@link DocumentStoreWriter} can)
   * @param pipelined whether batches are written on a background thread ({@code pipelined.writes})
   */
  public record Settings(
      int batchSize,
      RetryPolicy retry,
      boolean tolerateAll,
      boolean deleteOnNull,
      boolean pipelined) {
    public Settings(int batchSize, RetryPolicy retry, boolean tolerateAll) {
      this(batchSize, retry, tolerateAll, false, false);
    }

    public Settings(int batchSize, RetryPolicy retry, boolean tolerateAll, boolean deleteOnNull) {
      this(batchSize, retry, tolerateAll, deleteOnNull, false);
    }

    /** Batching, retries, and Connect's own {@code errors.tolerance} for bad records. */
    public static Settings from(PageEventSinkConfig config) {
      long backoff = config.getLong(PageEventSinkConfig.RETRY_BACKOFF_CONFIG);
      RetryPolicy retry =
          new RetryPolicy(
              config.getInt(PageEventSinkConfig.MAX_RETRIES_CONFIG),
              backoff,
              Math.max(backoff, config.getLong(PageEventSinkConfig.RETRY_BACKOFF_MAX_CONFIG)));
      boolean tolerateAll =
          "all".equalsIgnoreCase(config.originalsStrings().get("errors.tolerance"));
      // Defined only by sinks that call withDeletes; false for the others.
      boolean deleteOnNull =
          Boolean.TRUE.equals(config.values().get(PageEventSinkConfig.DELETE_ON_NULL_CONFIG));
      return new Settings(
          config.getInt(PageEventSinkConfig.BATCH_SIZE_CONFIG),
          retry,
          tolerateAll,
          deleteOnNull,
          config.getBoolean(PageEventSinkConfig.PIPELINED_WRITES_CONFIG));
    }
  }

  private static final Logger log = LoggerFactory.getLogger(WritePipeline.class);

  private final StoreWriter writer;
  private final PageEventConverter converter;
  private final Settings settings;
  private final SinkTaskContext context;
  private final SinkTaskMetrics metrics;
  private final Sleeper sleeper;
  private final BadRecords badRecords;
  private final Tombstones tombstones;
  private final OffsetTracker offsets = new OffsetTracker();
  private final BatchWrites writes;
  private volatile boolean prepared;

  public WritePipeline(
      StoreWriter writer,
      PageEventConverter converter,
      Settings settings,
      SinkTaskContext context,
      SinkTaskMetrics metrics) {
    this(writer, converter, settings, context, metrics, Thread::sleep);
  }

  WritePipeline(
      StoreWriter writer,
      PageEventConverter converter,
      Settings settings,
      SinkTaskContext context,
      SinkTaskMetrics metrics,
      Sleeper sleeper) {
    this.writer = writer;
    this.converter = converter;
    this.settings = settings;
    this.context = context;
    this.metrics = metrics;
    this.sleeper = sleeper;
    this.badRecords =
        new BadRecords(context.errantRecordReporter(), settings.tolerateAll(), metrics);
    this.tombstones =
        new Tombstones(new KeyIds(converter.fieldMapping()), writer, settings.deleteOnNull());
    this.writes =
        settings.pipelined()
            ? BatchWrites.pipelined(Thread.currentThread().getName() + "-writer")
            : BatchWrites.inline();
    prepareAtStart();
  }

  /**
   * Prepares the store ({@link StoreWriter#prepare}); a store that cannot be reached yet is
   * prepared by the first write instead.
   */
  private void prepareAtStart() {
    Exception notReachable = prepareOnce();
    if (notReachable != null) {
      log.warn(
          "The store is not reachable at task start ({}); the first batch will set it up",
          notReachable.toString());
    }
  }

  /**
   * Prepares the store unless it already is.
   *
   * @return the transient error that stopped it, or null when the store is prepared
   * @throws ConnectException on any other error, which fails the task
   */
  private Exception prepareOnce() {
    if (prepared) {
      return null;
    }
    try {
      writer.prepare();
      prepared = true;
      return null;
    } catch (Exception e) {
      if (classify(e) != ErrorKind.TRANSIENT) {
        throw new ConnectException(fatalMessage(e), e);
      }
      return e;
    }
  }

  /**
   * Writes every record (pipelined: hands it to the background writer) or throws: a {@link
   * RetriableException} after retries ran out (Connect delivers the same records again after the
   * timeout), a {@link ConnectException} for a fatal error or a bad record under {@code
   * errors.tolerance=none}. Pipelined, a failure of an earlier batch surfaces here.
   */
  public void put(Collection<SinkRecord> records) {
    try {
      convertAndWrite(records);
    } catch (BatchWrites.UnwrittenBatchException e) {
      rewind(e, records, Set.of());
    }
  }

  private void convertAndWrite(Collection<SinkRecord> records) {
    if (records.isEmpty()) {
      // Nothing new arrived: the batch in flight is the only work, and Connect keeps calling
      // put() this way, so its failure surfaces here even when no records follow it.
      writes.awaitInFlight();
      return;
    }
    List<PageEventRecord> batch = new ArrayList<>(Math.min(records.size(), settings.batchSize()));
    Map<TopicPartition, Long> firstOffsets = new HashMap<>();
    Map<TopicPartition, Long> batchOffsets = new HashMap<>();
    for (SinkRecord record : records) {
      try {
        batch.add(
            record.value() == null
                ? tombstones.delete(record)
                : new PageEventRecord(record, converter.convert(record)));
      } catch (DataException e) {
        badRecords.handle(record, e);
      }
      TopicPartition partition = partitionOf(record);
      firstOffsets.merge(partition, record.kafkaOffset(), Math::min);
      batchOffsets.merge(partition, record.kafkaOffset(), Math::max);
      if (batch.size() >= settings.batchSize()) {
        flush(batch, firstOffsets, batchOffsets);
      }
    }
    flush(batch, firstOffsets, batchOffsets);
  }

  /**
   * The offsets of records that are written or reported: the only ones safe to commit. Waits for
   * the batch in flight first, so everything delivered so far can commit.
   */
  public Map<TopicPartition, OffsetAndMetadata> preCommit(
      Map<TopicPartition, OffsetAndMetadata> consumed) {
    awaitWrites(Set.of());
    return offsets.committable(consumed);
  }

  /**
   * Waits for the batch in flight, so no write of this task runs once its partitions move to
   * another task, and forgets the partitions.
   */
  public void closePartitions(Collection<TopicPartition> partitions) {
    awaitWrites(Set.copyOf(partitions));
    offsets.forget(partitions);
  }

  /**
   * Waits until no batch is in flight; a batch that ran out of retries rewinds the partitions not
   * in {@code revoked}. A batch that failed for good is only logged here: the next {@link #put}
   * throws its error and stops the task.
   */
  public void awaitWrites(Set<TopicPartition> revoked) {
    try {
      writes.awaitInFlight();
    } catch (BatchWrites.UnwrittenBatchException e) {
      rewind(e, List.of(), revoked);
    } catch (ConnectException e) {
      log.debug("A batch write failed; the next put stops the task", e);
    }
  }

  @Override
  public void close() {
    try {
      writes.close();
      writer.close();
    } finally {
      metrics.close();
    }
  }

  private void flush(
      List<PageEventRecord> batch,
      Map<TopicPartition, Long> firstOffsets,
      Map<TopicPartition, Long> batchOffsets) {
    if (batchOffsets.isEmpty()) {
      return;
    }
    // A document store may apply a bulk out of order: give it only the last operation per id.
    List<PageEventRecord> items =
        writer.keepsDocumentsById() ? LastPerId.of(batch) : List.copyOf(batch);
    Map<TopicPartition, Long> done = Map.copyOf(batchOffsets);
    writes.submit(
        firstOffsets,
        () -> {
          write(items);
          badRecords.awaitReported();
          offsets.markAllDone(done);
        });
    batch.clear();
    firstOffsets.clear();
    batchOffsets.clear();
  }

  /**
   * A background write ran out of retries, or a write found that the store lost earlier writes:
   * everything from the exception's offsets on (and every record of the current put) is unwritten,
   * so the consumer goes back there and nothing from there on counts as committable. After retries,
   * Connect waits the backoff the writer set ({@code context.timeout}) before polling again. Writes
   * are idempotent, so records written again are harmless; bad records among them may be reported
   * twice. A store that lost writes may have lost its set-up too, so it is prepared again before
   * the next write.
   */
  private void rewind(
      BatchWrites.UnwrittenBatchException failure,
      Collection<SinkRecord> received,
      Set<TopicPartition> revoked) {
    Map<TopicPartition, Long> seek = new HashMap<>(failure.firstOffsets());
    for (SinkRecord record : received) {
      seek.merge(partitionOf(record), record.kafkaOffset(), Math::min);
    }
    seek.keySet().removeAll(revoked);
    offsets.rewind(seek);
    if (failure.storeLostWrites()) {
      prepared = false;
      metrics.recordLostWriteRewind();
      log.warn(
          "{}; rewinding to offsets {} to write the lost records again",
          failure.getMessage(),
          seek);
    } else {
      log.warn(
          "A batch write ran out of retries ({}); rewinding to offsets {} to write from there"
              + " again",
          failure.getMessage(),
          seek);
    }
    context.offset(seek);
  }

  private static TopicPartition partitionOf(SinkRecord record) {
    return new TopicPartition(record.topic(), record.kafkaPartition());
  }

  private void write(List<PageEventRecord> batch) {
    if (batch.isEmpty()) {
      return;
    }
    for (int retry = 0; ; retry++) {
      Exception notReachable = prepareOnce();
      if (notReachable != null) {
        backOff(batch, retry, notReachable);
        continue;
      }
      long start = System.nanoTime();
      try {
        writer.write(batch);
        metrics.recordBatch(batch.size(), System.nanoTime() - start);
        return;
      } catch (RejectedRecordsException e) {
        reportRejected(batch, e, System.nanoTime() - start);
        return;
      } catch (StoreLostWritesException e) {
        throw e; // not the batch's fault: the task rewinds to the store's offsets
      } catch (Exception e) {
        switch (classify(e)) {
          case DATA -> {
            splitAndWrite(batch, e);
            return;
          }
          case FATAL -> throw new ConnectException(fatalMessage(e), e);
          case TRANSIENT -> backOff(batch, retry, e);
        }
      }
    }
  }

  /** The store applied the batch but these items: report exactly them, no bisection needed. */
  private void reportRejected(
      List<PageEventRecord> batch, RejectedRecordsException rejected, long nanos) {
    metrics.recordBatch(batch.size() - rejected.reasons().size(), nanos);
    for (int index : rejected.reasons().keySet()) {
      badRecords.handle(batch.get(index).record(), rejected.errorFor(index));
    }
  }

  private void splitAndWrite(List<PageEventRecord> batch, Exception error) {
    if (batch.size() == 1) {
      badRecords.handle(batch.get(0).record(), error);
      return;
    }
    int middle = batch.size() / 2;
    write(batch.subList(0, middle));
    write(batch.subList(middle, batch.size()));
  }

  private void backOff(List<PageEventRecord> batch, int retry, Exception error) {
    RetryPolicy policy = settings.retry();
    long waitMs = policy.backoffMs(retry, ThreadLocalRandom.current()::nextDouble);
    if (retry >= policy.maxRetries()) {
      context.timeout(waitMs);
      throw new RetriableException(
          "The store is still unavailable after "
              + policy.maxRetries()
              + " retries (max.retries); Connect will deliver the batch again in "
              + waitMs
              + " ms: "
              + error.getMessage(),
          error);
    }
    metrics.recordRetry(batch.size());
    log.warn(
        "A write of {} records failed with a transient error; retry {} of {} in {} ms: {}",
        batch.size(),
        retry + 1,
        policy.maxRetries(),
        waitMs,
        error.toString());
    try {
      sleeper.sleep(waitMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectException("Interrupted while waiting to retry a write", e);
    }
  }

  private ErrorKind classify(Exception error) {
    ErrorKind kind = writer.classify(error);
    return kind == null ? ErrorKind.FATAL : kind;
  }

  private static String fatalMessage(Exception error) {
    return "The store refused the write and retrying will not help; check the connector's"
        + " connection settings, credentials, permissions and the store's schema: "
        + error.getMessage();
  }
}
