package dev.pageevents.core.sink.exact;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On partition assignment, makes the consumer resume from the offsets the store applied rather than
 * from the consumer group's commits, so records the store already holds are not read again after a
 * crash between a write and the next commit, or after the group's offsets were reset. The seek only
 * saves work: exactness comes from the store skipping records at or below its offsets, so when the
 * store cannot be read (it may be down during a rebalance) the task resumes from the committed
 * offsets instead of failing.
 *
 * <p>The seek lands on the last applied record itself, one before where the store resumes.
 * Connect's {@code WorkerSinkTask} records a seek as if it were a commit and skips any commit equal
 * to its last one, so a task that sought exactly past the store's offsets would commit nothing
 * until a new record arrived, and the consumer group would keep showing its old (or, after a reset,
 * no) offsets. Reading that one record again (the store skips it) moves the consumed offset past
 * the seek, so the next offset commit carries the store's offsets to Connect with no new record.
 */
public final class StoredOffsetSeek {
  private static final Logger log = LoggerFactory.getLogger(StoredOffsetSeek.class);

  private StoredOffsetSeek() {}

  /**
   * Reads the store's offsets for the newly assigned partitions and asks Connect to seek to the
   * last record the store applied in each.
   */
  public static void seek(
      SinkTaskContext context, OffsetStore store, Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    Map<TopicPartition, Long> applied;
    try {
      applied = store.appliedOffsets(partitions);
    } catch (Exception e) {
      log.warn(
          "Could not read the offsets stored with the data for {}; resuming from the consumer"
              + " group's committed offsets (records the store already applied are skipped): {}",
          partitions,
          e.toString());
      return;
    }
    if (!applied.isEmpty()) {
      log.info(
          "Resuming from the offsets stored with the data (last applied record, read again and"
              + " skipped, so Connect commits the store's offsets): {}",
          applied);
      context.offset(applied);
    }
  }
}
