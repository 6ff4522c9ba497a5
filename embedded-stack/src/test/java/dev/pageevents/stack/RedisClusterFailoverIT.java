package dev.pageevents.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;

class RedisClusterFailoverIT {

  @Test
  void shouldPromoteTheReplicaOfAKilledMasterAndKeepItsKeys() {
    try (RedisClusterServer cluster = RedisClusterServer.create("redis-failover", 1)) {
      cluster.start();
      assertThat(cluster.size()).isEqualTo(6);
      assertThat(cluster.masters()).hasSize(3);
      Set<HostAndPort> seeds = Set.of(HostAndPort.from(cluster.nodes().get(1)));
      try (JedisCluster client = new JedisCluster(seeds)) {
        IntStream.range(0, 300).forEach(i -> client.set("page:" + i, "v" + i));
      }
      RedisServer master = cluster.masters().get(0);

      RedisServer promoted = cluster.killMaster(master);

      assertThat(cluster.masters()).hasSize(3).contains(promoted).doesNotContain(master);
      try (JedisCluster client = new JedisCluster(seeds)) {
        // replication is asynchronous, but these writes were long done before the kill
        assertThat(IntStream.range(0, 300).mapToObj(i -> client.get("page:" + i)))
            .containsExactlyElementsOf(IntStream.range(0, 300).mapToObj(i -> "v" + i).toList());
      }
    }
  }
}
