package dev.pageevents.core.sink;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The rule that keeps aggregates exact under redelivery: a record whose offset is at or below the
 * offset the store last applied for its partition was already counted and is skipped. Writers call
 * these helpers inside the same transaction (or script) that applies the batch and stores its
 * offsets.
 */
public final class AppliedOffsets {
  private AppliedOffsets() {}

  /** The partition a record came from. */
  public static TopicPartition partitionOf(SinkRecord record) {
    return new TopicPartition(record.topic(), record.kafkaPartition());
  }

  /** The highest offset of each partition in the batch: what the store records once applied. */
  public static Map<TopicPartition, Long> lastOffsets(Collection<PageEventRecord> batch) {
    Map<TopicPartition, Long> last = new HashMap<>();
    for (PageEventRecord each : batch) {
      last.merge(partitionOf(each.record()), each.record().kafkaOffset(), Math::max);
    }
    return last;
  }

  /**
   * The records the store has not applied yet, in batch order.
   *
   * @param applied last applied offset per partition; a missing partition has applied nothing
   */
  public static List<PageEventRecord> unapplied(
      List<PageEventRecord> batch, Map<TopicPartition, Long> applied) {
    List<PageEventRecord> result = new ArrayList<>(batch.size());
    for (PageEventRecord each : batch) {
      Long last = applied.get(partitionOf(each.record()));
      if (last == null || each.record().kafkaOffset() > last) {
        result.add(each);
      }
    }
    return result;
  }
}
