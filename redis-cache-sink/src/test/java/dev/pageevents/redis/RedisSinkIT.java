package dev.pageevents.redis;

import dev.pageevents.core.testing.ExactSinkContract;
import dev.pageevents.stack.KafkaConnectStack;
import dev.pageevents.stack.RedisServer;
import java.net.URI;
import java.util.Map;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The Redis sink in a real Connect cluster against a standalone Redis with AOF persistence. */
class RedisSinkIT extends ExactSinkContract {
  private static RedisServer redis;
  private static KafkaConnectStack stack;

  @BeforeAll
  static void startServers() {
    redis = RedisServer.persistent("redis-sink-it");
    redis.start();
    stack = KafkaConnectStack.builder().workers(2).build().start();
  }

  @AfterAll
  static void stopServers() {
    if (stack != null) {
      stack.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Override
  protected EmbeddedConnectCluster connect() {
    return stack.cluster();
  }

  @Override
  protected Map<String, String> storeConfig() {
    URI endpoint = URI.create(redis.endpoint());
    return Map.of(
        "connector.class",
        RedisSinkConnector.class.getName(),
        RedisSinkConfig.HOSTS_CONFIG,
        endpoint.getHost() + ":" + endpoint.getPort(),
        RedisSinkConfig.PREFIX_CONFIG,
        storeKey(),
        RedisSinkConfig.GROUPS_CONFIG,
        "16");
  }

  @Override
  protected void stopStore() {
    redis.stop();
  }

  @Override
  protected void startStore() {
    redis.start();
  }
}
