package dev.pageevents.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.sink.PageEventRecord;
import dev.pageevents.redis.RedisBatchPlan.ScriptCall;
import java.util.List;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.util.JedisClusterCRC16;

class RedisBatchPlanTest {
  private final RedisKeys keys = new RedisKeys("pe", 4, 60, 3600);
  private final RedisBatchPlan plan = new RedisBatchPlan(keys);

  private static PageEventRecord record(int partition, long offset, String page, String user) {
    SinkRecord sink = new SinkRecord("t", partition, null, null, null, "v", offset);
    return new PageEventRecord(sink, new PageEvent("e" + offset, page, user, 61_000L, 250L));
  }

  @Test
  void shouldMakeOneCallPerGroupAndPartitionEvenWithoutUpdates() {
    List<ScriptCall> calls =
        plan.plan(List.of(record(0, 5, "/a", "u1"), record(1, 9, "/b", "u2")), (g, p) -> null);

    assertThat(calls).hasSize(8);
    assertThat(calls)
        .filteredOn(call -> call.partition().partition() == 1)
        .allSatisfy(
            call -> assertThat(call.args().subList(0, 3)).containsExactly("t:1", "9", "3600"));
  }

  @Test
  void shouldTellEachGroupTheOffsetItWasLastSeenToStoreForThePartition() {
    List<ScriptCall> calls =
        plan.plan(
            List.of(record(0, 5, "/a", "u1"), record(1, 9, "/b", "u2")),
            (group, partition) -> group == 2 && partition.partition() == 1 ? 8L : null);

    for (ScriptCall call : calls) {
      String expected = call.group() == 2 && call.partition().partition() == 1 ? "8" : "";
      assertThat(call.args().get(3))
          .as("group %d, %s", call.group(), call.partition())
          .isEqualTo(expected);
    }
  }

  @Test
  void shouldKeepEveryKeyOfACallInTheSlotOfItsGroup() {
    List<ScriptCall> calls =
        plan.plan(
            List.of(
                record(0, 1, "/a{x}", "u1"), record(0, 2, "/b", "}u2"), record(0, 3, "/c", "u3")),
            (g, p) -> null);

    for (ScriptCall call : calls) {
      int slot = JedisClusterCRC16.getSlot(call.keys().get(0));
      assertThat(call.keys())
          .allSatisfy(key -> assertThat(JedisClusterCRC16.getSlot(key)).isEqualTo(slot));
    }
  }

  @Test
  void shouldPassPageAndUserUpdatesAsArgumentsInOffsetOrder() {
    List<ScriptCall> calls =
        plan.plan(
            List.of(record(0, 7, "/a'\"", "u1"), record(0, 8, "/a'\"", "u1")), (g, p) -> null);

    ScriptCall pageCall = calls.get(keys.groupOf("/a'\""));
    assertThat(pageCall.args().subList(4, pageCall.args().size()))
        .containsSubsequence("p", "7", "/a'\"", "250", "61000", "p", "8", "/a'\"", "250", "61000");
    assertThat(pageCall.keys())
        .contains(
            keys.page("/a'\""), keys.bucket("/a'\"", 60), keys.bucketTop(pageCall.group(), 60));
    ScriptCall userCall = calls.get(keys.groupOf("u1"));
    assertThat(userCall.args()).containsSubsequence("u", "7", "/a'\"", "61000", "u", "8");
    assertThat(userCall.keys()).contains(keys.user("u1"));
  }
}
