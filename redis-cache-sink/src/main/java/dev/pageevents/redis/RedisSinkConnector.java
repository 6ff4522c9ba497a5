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

  /** Adds a reachability check (PING with the given credentials) to the per-field validation. */
  @Override
  public Config validate(Map<String, String> props) {
    return Reachability.check(
        super.validate(props),
        RedisSinkConfig.HOSTS_CONFIG,
        "hosts, user, password, TLS",
        () -> {
          try (UnifiedJedis redis = RedisClients.create(new RedisSinkConfig(props))) {
            redis.ping();
          }
        });
  }
}
