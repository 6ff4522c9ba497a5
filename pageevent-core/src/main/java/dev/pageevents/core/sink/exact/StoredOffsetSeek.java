package dev.pageevents.core.sink.exact;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On partition assignment, makes the consumer resume from the offsets the store applied rather than
 * from the consumer group's commits: the store is the source of truth, so a crash between a write
 * and the next commit, or a reset of the group's offsets, neither loses nor double-counts records.
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
      throw new ConnectException(
          "Could not read the offsets stored with the data for " + partitions + ": " + e, e);
    }
    Map<TopicPartition, Long> next = AppliedOffsets.resumeOffsets(applied);
    if (!next.isEmpty()) {
      log.info("Resuming from the offsets stored with the data: {}", next);
      context.offset(next);
    }
  }
}
