package dev.pageevents.redis;

import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.sink.AppliedOffsets;
import dev.pageevents.core.sink.PageEventRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Splits a batch into one script call per (hash-tag group, partition): a page's counters go to the
 * page's group, a user's last page to the user's group. Every group gets a call for every partition
 * in the batch, even with no updates, so each group's stored offset always says how far the
 * partition is applied in that group.
 */
final class RedisBatchPlan {

  /**
   * The keys and arguments of one call of {@code apply-batch.lua}; all keys share a slot. The call
   * stores {@code lastOffset} as the group's offset for the partition.
   */
  record ScriptCall(
      int group, TopicPartition partition, long lastOffset, List<String> keys, List<String> args) {}

  /** The offset a group was last seen to store for a partition, or null when none was seen. */
  @FunctionalInterface
  interface Acknowledged {
    Long offset(int group, TopicPartition partition);
  }

  private static final Comparator<TopicPartition> BY_TOPIC_AND_PARTITION =
      Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

  private final RedisKeys keys;

  RedisBatchPlan(RedisKeys keys) {
    this.keys = keys;
  }

  /**
   * Calls ordered by topic, partition, then group; each tells its group the offset {@code
   * acknowledged} says it stored last, which the group must not be found below.
   */
  List<ScriptCall> plan(List<PageEventRecord> batch, Acknowledged acknowledged) {
    Map<TopicPartition, Long> last = AppliedOffsets.lastOffsets(batch);
    Map<TopicPartition, ScriptCall[]> calls = new TreeMap<>(BY_TOPIC_AND_PARTITION);
    for (Map.Entry<TopicPartition, Long> entry : last.entrySet()) {
      ScriptCall[] byGroup = new ScriptCall[keys.groups()];
      for (int group = 0; group < byGroup.length; group++) {
        byGroup[group] =
            start(
                group,
                entry.getKey(),
                entry.getValue(),
                acknowledged.offset(group, entry.getKey()));
      }
      calls.put(entry.getKey(), byGroup);
    }
    for (PageEventRecord each : batch) {
      ScriptCall[] byGroup = calls.get(AppliedOffsets.partitionOf(each.record()));
      String offset = Long.toString(each.record().kafkaOffset());
      PageEvent event = each.event();
      String timestamp = Long.toString(event.timestampMs());
      long bucket = keys.bucketStart(event.timestampMs());
      int pageGroup = keys.groupOf(event.page());
      ScriptCall pageCall = byGroup[pageGroup];
      pageCall.keys().add(keys.page(pageGroup, event.page()));
      pageCall.keys().add(keys.bucket(pageGroup, event.page(), bucket));
      pageCall.keys().add(keys.bucketTop(pageGroup, bucket));
      pageCall
          .args()
          .addAll(List.of("p", offset, event.page(), Long.toString(event.durationMs()), timestamp));
      int userGroup = keys.groupOf(event.user());
      ScriptCall userCall = byGroup[userGroup];
      userCall.keys().add(keys.user(userGroup, event.user()));
      userCall.args().addAll(List.of("u", offset, event.page(), timestamp));
    }
    List<ScriptCall> ordered = new ArrayList<>(calls.size() * keys.groups());
    calls.values().forEach(byGroup -> ordered.addAll(Arrays.asList(byGroup)));
    return ordered;
  }

  private ScriptCall start(int group, TopicPartition partition, long lastOffset, Long stored) {
    List<String> callKeys = new ArrayList<>();
    callKeys.add(keys.offsets(group));
    callKeys.add(keys.top(group));
    List<String> args = new ArrayList<>();
    args.add(RedisKeys.offsetField(partition));
    args.add(Long.toString(lastOffset));
    args.add(Integer.toString(keys.bucketTtlSeconds()));
    args.add(stored == null ? "" : Long.toString(stored));
    return new ScriptCall(group, partition, lastOffset, callKeys, args);
  }
}
