package dev.pageevents.redis;

import dev.pageevents.core.config.Reachability;
import dev.pageevents.core.sink.PageEventSinkConnector;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;

/**
 * Sink connector that keeps page-visit counters, windows, rankings and users' last pages in Redis,
 * exact under redelivery (see the module README for the key layout).
 */
public final class RedisSinkConnector extends PageEventSinkConnector<RedisSinkConfig> {

  public RedisSinkConnector() {
    super(RedisSinkConfig.CONFIG_DEF, RedisSinkTask.class, RedisSinkConfig::new);
  }

  /** Deletes every key under the connector's prefix, on every master of a Cluster. */
  @Override
  protected void clearReadModel(RedisSinkConfig config) {
    try (UnifiedJedis redis = RedisClients.create(config)) {
      RedisSchema.clear(redis, config.keys());
    }
  }

  /** PING with the given credentials. */
  @Override
  protected void probe(RedisSinkConfig config, Map<String, String> props) {
    try (UnifiedJedis redis = RedisClients.create(config)) {
      redis.ping();
    }
  }

  /** Refused credentials are reported on redis.password, anything else on redis.hosts. */
  @Override
  protected Reachability.Failure diagnose(RedisSinkConfig config, Exception e) {
    String message = String.valueOf(e.getMessage());
    return Reachability.Failure.credentialsOrAddress(
        message.contains("WRONGPASS") || message.contains("NOAUTH"),
        "Redis",
        RedisSinkConfig.USER_CONFIG,
        RedisSinkConfig.PASSWORD_CONFIG,
        RedisSinkConfig.HOSTS_CONFIG,
        "redis.hosts, TLS",
        message);
  }
}
