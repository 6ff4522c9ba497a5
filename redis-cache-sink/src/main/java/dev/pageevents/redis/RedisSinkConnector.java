package dev.pageevents.redis;

import dev.pageevents.core.config.PageEventSinkConfig;
import dev.pageevents.core.config.Reachability;
import dev.pageevents.core.sink.PageEventSinkConnector;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import redis.clients.jedis.UnifiedJedis;

/**
 * Sink connector that keeps page-visit counters, windows, rankings and users' last pages in Redis,
 * exact under redelivery (see the module README for the key layout).
 */
public final class RedisSinkConnector extends PageEventSinkConnector {

  @Override
  protected PageEventSinkConfig parseConfig(Map<String, String> props) {
    return new RedisSinkConfig(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return RedisSinkTask.class;
  }

  @Override
  public ConfigDef config() {
    return RedisSinkConfig.CONFIG_DEF;
  }

  /** Deletes every key under the connector's prefix, on every master of a Cluster. */
  @Override
  protected void clearReadModel(Map<String, String> props) {
    RedisSinkConfig config = new RedisSinkConfig(props);
    try (UnifiedJedis redis = RedisClients.create(config)) {
      RedisSchema.clear(redis, config.keys());
    }
  }

  /**
   * Adds a reachability check (PING with the given credentials) to the per-field validation;
   * refused credentials are reported on redis.password, anything else on redis.hosts.
   */
  @Override
  public Config validate(Map<String, String> props) {
    return Reachability.check(
        super.validate(props),
        () -> {
          try (UnifiedJedis redis = RedisClients.create(new RedisSinkConfig(props))) {
            redis.ping();
          }
        },
        RedisSinkConnector::diagnose);
  }

  private static Reachability.Failure diagnose(Exception e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("WRONGPASS") || message.contains("NOAUTH")) {
      return new Reachability.Failure(
          RedisSinkConfig.PASSWORD_CONFIG,
          "Redis refused the credentials; check redis.user and redis.password: " + message);
    }
    return new Reachability.Failure(
        RedisSinkConfig.HOSTS_CONFIG,
        "Cannot reach Redis with these settings (redis.hosts, TLS): " + message);
  }
}
