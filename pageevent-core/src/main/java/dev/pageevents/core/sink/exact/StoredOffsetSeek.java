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
 */
public final class StoredOffsetSeek {
  private static final Logger log = LoggerFactory.getLogger(StoredOffsetSeek.class);

  private StoredOffsetSeek() {}

  /** Reads the store's offsets for the newly assigned partitions and asks Connect to seek there. */
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
    Map<TopicPartition, Long> next = AppliedOffsets.resumeOffsets(applied);
    if (!next.isEmpty()) {
      log.info("Resuming from the offsets stored with the data: {}", next);
      context.offset(next);
    }
  }
}
