package dev.pageevents.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.sink.PageEventRecord;
import dev.pageevents.core.testing.ExactSinkContract;
import dev.pageevents.stack.KafkaConnectStack;
import dev.pageevents.stack.RedisClusterServer;
import dev.pageevents.stack.SharedServers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;

/** The Redis sink in a real Connect cluster against a three-master Redis Cluster. */
class RedisClusterSinkIT extends ExactSinkContract {
  private static RedisClusterServer cluster;
  private static KafkaConnectStack stack;
  private static JedisCluster client;

  @BeforeAll
  static void startServers() {
    cluster = SharedServers.redisCluster();
    cluster.start();
    client = new JedisCluster(hosts());
    stack = KafkaConnectStack.builder().workers(2).build().start();
  }

  @AfterAll
  static void stopServers() {
    if (stack != null) {
      stack.close();
    }
    if (client != null) {
      client.close();
    }
  }

  private static Set<HostAndPort> hosts() {
    Set<HostAndPort> hosts = new LinkedHashSet<>();
    cluster.nodes().forEach(node -> hosts.add(HostAndPort.from(node)));
    return hosts;
  }

  @Test
  void shouldKeepEachGroupOnTheNodeServingItsSlotAndUseEveryMaster() {
    RedisKeys keys = new RedisKeys(storeKey(), 16, 60, 3600);
    RedisView view = new RedisView(client, keys);
    List<PageEventRecord> batch = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      SinkRecord sink = new SinkRecord("slots", 0, null, null, null, "v", i);
      batch.add(new PageEventRecord(sink, new PageEvent("e" + i, "/p" + i, "u" + i, 1_000, 1)));
    }
    try (RedisWriter writer = new RedisWriter(new JedisCluster(hosts()), keys)) {
      writer.prepare();
      writer.write(batch);
    }

    Set<String> nodes = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      RedisView.KeyLocation location = view.locatePage("/p" + i);
      assertThat(cluster.nodes()).contains(location.node());
      try (Jedis node = new Jedis(HostAndPort.from(location.node()))) {
        assertThat(node.hget(location.key(), "visits")).isEqualTo("1");
      }
      nodes.add(location.node());
    }
    assertThat(nodes).hasSize(3);
  }

  @Override
  protected EmbeddedConnectCluster connect() {
    return stack.cluster();
  }

  @Override
  protected Map<String, String> storeConfig() {
    return Map.of(
        "connector.class",
        RedisSinkConnector.class.getName(),
        RedisSinkConfig.MODE_CONFIG,
        RedisSinkConfig.MODE_CLUSTER,
        RedisSinkConfig.HOSTS_CONFIG,
        String.join(",", cluster.nodes()),
        RedisSinkConfig.PREFIX_CONFIG,
        storeKey(),
        RedisSinkConfig.GROUPS_CONFIG,
        "16");
  }

  @Override
  protected void stopStore() {
    cluster.stop();
  }

  @Override
  protected void startStore() {
    cluster.start();
  }
}
