package dev.pageevents.redis;

import dev.pageevents.core.config.Truststores;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.providers.ClusterConnectionProvider;

/** Creates the Jedis client the config describes: standalone or Cluster, TLS, ACL user. */
public final class RedisClients {
  private static final Duration TOPOLOGY_REFRESH = Duration.ofSeconds(1);

  private RedisClients() {}

  /** A client for the configured server or cluster; the caller closes it. */
  public static UnifiedJedis create(RedisSinkConfig config) {
    JedisClientConfig clientConfig = clientConfig(config);
    Set<HostAndPort> hosts = new LinkedHashSet<>();
    for (String host : config.hosts()) {
      hosts.add(HostAndPort.from(host.trim()));
    }
    if (config.cluster()) {
      // Pipelines route by the client's cached slot map, which only single commands refresh (on
      // a MOVED reply or a broken connection): after a failover the sink's pipelined batches
      // would go on to the dead master for good. Refreshing the map every second ends that.
      ClusterConnectionProvider slots =
          new ClusterConnectionProvider(
              hosts, clientConfig, new ConnectionPoolConfig(), TOPOLOGY_REFRESH);
      return new JedisCluster(
          slots,
          JedisCluster.DEFAULT_MAX_ATTEMPTS,
          Duration.ofMillis(
              (long) clientConfig.getSocketTimeoutMillis() * JedisCluster.DEFAULT_MAX_ATTEMPTS));
    }
    return new JedisPooled(hosts.iterator().next(), clientConfig);
  }

  static JedisClientConfig clientConfig(RedisSinkConfig config) {
    int timeout = config.getInt(RedisSinkConfig.TIMEOUT_CONFIG);
    DefaultJedisClientConfig.Builder builder =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(timeout)
            .socketTimeoutMillis(timeout)
            .clientName("pageevents-redis-sink");
    if (!config.cluster()) {
      builder.database(config.getInt(RedisSinkConfig.DATABASE_CONFIG));
    }
    String user = config.getString(RedisSinkConfig.USER_CONFIG);
    if (!user.isEmpty()) {
      builder.user(user);
    }
    if (!config.password().isEmpty()) {
      builder.password(config.password());
    }
    if (config.getBoolean(RedisSinkConfig.SSL_CONFIG)) {
      builder.ssl(true);
      String truststore = config.getString(RedisSinkConfig.TRUSTSTORE_CONFIG);
      if (!truststore.isEmpty()) {
        builder.sslSocketFactory(
            Truststores.sslContext(
                    truststore,
                    config.truststorePassword(),
                    RedisSinkConfig.TRUSTSTORE_CONFIG,
                    RedisSinkConfig.TRUSTSTORE_PASSWORD_CONFIG)
                .getSocketFactory());
      }
    }
    return builder.build();
  }
}
