package dev.pageevents.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.util.JedisClusterCRC16;

class RedisKeysTest {
  private final RedisKeys keys = new RedisKeys("pe", 16, 60, 3600);

  @Test
  void shouldPutAllKeysOfAGroupInOneHashSlotWhateverBracesTheNamesHold() {
    String page = "/a}{b}'\"`{evil}";
    int group = keys.groupOf(page);

    int slot = JedisClusterCRC16.getSlot(keys.page(page));

    assertThat(JedisClusterCRC16.getSlot(keys.bucket(page, 120))).isEqualTo(slot);
    assertThat(JedisClusterCRC16.getSlot(keys.top(group))).isEqualTo(slot);
    assertThat(JedisClusterCRC16.getSlot(keys.bucketTop(group, 120))).isEqualTo(slot);
    assertThat(JedisClusterCRC16.getSlot(keys.offsets(group))).isEqualTo(slot);
    assertThat(slot).isEqualTo(JedisClusterCRC16.getSlot("{" + group + "}"));
  }

  @Test
  void shouldKeepNamesVerbatimAtTheEndOfTheKey() {
    assertThat(keys.page("a:b c")).endsWith(":page:a:b c").startsWith("pe:{");
    assertThat(keys.user("u\"1")).endsWith(":user:u\"1");
  }

  @Test
  void shouldAlignBucketsToTheirWidth() {
    assertThat(keys.bucketStart(125_999L)).isEqualTo(120L);
    assertThat(keys.bucketStart(60_000L)).isEqualTo(60L);
  }

  @Test
  void shouldSpreadNamesOverAllGroupsDeterministically() {
    java.util.Set<Integer> groups = new java.util.HashSet<>();
    for (int i = 0; i < 1000; i++) {
      groups.add(keys.groupOf("/page/" + i));
    }
    assertThat(groups).hasSize(16);
    assertThat(keys.groupOf("/home")).isEqualTo(new RedisKeys("x", 16, 1, 1).groupOf("/home"));
  }

  @Test
  void shouldNameOffsetFieldsByTopicAndPartition() {
    assertThat(RedisKeys.offsetField(new TopicPartition("page-events", 3)))
        .isEqualTo("page-events:3");
  }
}
