package dev.pageevents.core.sink;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The offsets that are safe to commit: per partition, one past the last record that was written to
 * the store or handed to the error reporter. The pipeline marks records in the order it receives
 * them and only after they are done, so every record below a marked offset is done too. Marked by
 * the background writer, read by the task thread.
 */
final class OffsetTracker {
  private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();

  /** Records that every record of {@code partition} up to {@code offset} is done. */
  synchronized void markDone(TopicPartition partition, long offset) {
    nextOffsets.merge(partition, offset + 1, Math::max);
  }

  synchronized void markAllDone(Map<TopicPartition, Long> lastOffsets) {
    lastOffsets.forEach(this::markDone);
  }

  /**
   * What to commit: for each partition Connect asks about, our safe offset, never beyond the offset
   * Connect itself considers consumed. Partitions with nothing done are left out.
   */
  synchronized Map<TopicPartition, OffsetAndMetadata> committable(
      Map<TopicPartition, OffsetAndMetadata> consumed) {
    Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
    consumed.forEach(
        (partition, consumedOffset) -> {
          Long next = nextOffsets.get(partition);
          if (next != null) {
            result.put(partition, new OffsetAndMetadata(Math.min(next, consumedOffset.offset())));
          }
        });
    return result;
  }

  /**
   * Takes back what was marked done at or past {@code firstOffsets}: the store lost those records
   * and they are written again.
   */
  synchronized void rewind(Map<TopicPartition, Long> firstOffsets) {
    firstOffsets.forEach(
        (partition, first) ->
            nextOffsets.computeIfPresent(partition, (p, next) -> Math.min(next, first)));
  }

  /** Forgets partitions this task no longer owns. */
  synchronized void forget(Collection<TopicPartition> partitions) {
    partitions.forEach(nextOffsets::remove);
  }
}
