package dev.pageevents.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;

@ExtendWith(StackExtension.class)
class RedisClusterIT {

  @Test
  void shouldReadThroughOneNodeWhatWasWrittenThroughAnother(
      @SharedServer(Store.REDIS_CLUSTER) RedisClusterServer cluster) {
    assertThat(cluster.nodes()).hasSize(3);
    HostAndPort first = HostAndPort.from(cluster.nodes().get(0));
    HostAndPort last = HostAndPort.from(cluster.nodes().get(2));
    try (JedisCluster writer = new JedisCluster(Set.of(first))) {
      IntStream.range(0, 100).forEach(i -> writer.set("page:" + i, "v" + i));
    }
    try (JedisCluster reader = new JedisCluster(Set.of(last))) {
      assertThat(IntStream.range(0, 100).mapToObj(i -> reader.get("page:" + i)))
          .containsExactlyElementsOf(
              IntStream.range(0, 100).mapToObj(i -> "v" + i).collect(Collectors.toList()));
    }
    for (String node : cluster.nodes()) {
      try (Jedis jedis = new Jedis(HostAndPort.from(node))) {
        assertThat(jedis.dbSize()).as("keys on master %s", node).isPositive();
      }
    }
  }
}
