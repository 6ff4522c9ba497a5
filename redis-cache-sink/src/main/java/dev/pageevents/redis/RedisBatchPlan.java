package dev.pageevents.redis;

import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.sink.AppliedOffsets;
import dev.pageevents.core.sink.PageEventRecord;
import java.util.ArrayList;
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

  /** The keys and arguments of one call of {@code apply-batch.lua}; all keys share a slot. */
  record ScriptCall(int group, TopicPartition partition, List<String> keys, List<String> args) {}

  private final RedisKeys keys;

  RedisBatchPlan(RedisKeys keys) {
    this.keys = keys;
  }

  List<ScriptCall> plan(List<PageEventRecord> batch) {
    Map<TopicPartition, Long> last = AppliedOffsets.lastOffsets(batch);
    Map<String, ScriptCall> calls = new TreeMap<>();
    for (Map.Entry<TopicPartition, Long> entry : last.entrySet()) {
      for (int group = 0; group < keys.groups(); group++) {
        calls.put(id(group, entry.getKey()), start(group, entry.getKey(), entry.getValue()));
      }
    }
    for (PageEventRecord each : batch) {
      TopicPartition partition = AppliedOffsets.partitionOf(each.record());
      String offset = Long.toString(each.record().kafkaOffset());
      PageEvent event = each.event();
      ScriptCall pageCall = calls.get(id(keys.groupOf(event.page()), partition));
      long bucket = keys.bucketStart(event.timestampMs());
      pageCall.keys().add(keys.page(event.page()));
      pageCall.keys().add(keys.bucket(event.page(), bucket));
      pageCall.keys().add(keys.bucketTop(pageCall.group(), bucket));
      pageCall
          .args()
          .addAll(
              List.of(
                  "p",
                  offset,
                  event.page(),
                  Long.toString(event.durationMs()),
                  Long.toString(event.timestampMs())));
      ScriptCall userCall = calls.get(id(keys.groupOf(event.user()), partition));
      userCall.keys().add(keys.user(event.user()));
      userCall
          .args()
          .addAll(List.of("u", offset, event.page(), Long.toString(event.timestampMs())));
    }
    return new ArrayList<>(calls.values());
  }

  private ScriptCall start(int group, TopicPartition partition, long lastOffset) {
    List<String> callKeys = new ArrayList<>();
    callKeys.add(keys.offsets(group));
    callKeys.add(keys.top(group));
    List<String> args = new ArrayList<>();
    args.add(RedisKeys.offsetField(partition));
    args.add(Long.toString(lastOffset));
    args.add(Integer.toString(keys.bucketTtlSeconds()));
    return new ScriptCall(group, partition, callKeys, args);
  }

  private static String id(int group, TopicPartition partition) {
    return String.format(
        "%s\u0000%010d\u0000%06d", partition.topic(), partition.partition(), group);
  }
}
