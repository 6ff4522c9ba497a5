package dev.pageevents.redis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

/** Creates the Jedis client the config describes: standalone or Cluster, TLS, ACL user. */
public final class RedisClients {
  private RedisClients() {}

  /** A client for the configured server or cluster; the caller closes it. */
  public static UnifiedJedis create(RedisSinkConfig config) {
    JedisClientConfig clientConfig = clientConfig(config);
    Set<HostAndPort> hosts = new LinkedHashSet<>();
    for (String host : config.hosts()) {
      hosts.add(HostAndPort.from(host.trim()));
    }
    if (config.cluster()) {
      return new JedisCluster(hosts, clientConfig);
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
        builder.sslSocketFactory(socketFactory(Path.of(truststore), config.truststorePassword()));
      }
    }
    return builder.build();
  }

  private static SSLSocketFactory socketFactory(Path truststore, String password) {
    try (InputStream in = Files.newInputStream(truststore)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(in, password.toCharArray());
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigException(
          RedisSinkConfig.TRUSTSTORE_CONFIG,
          truststore.toString(),
          "Cannot load the trust store (check the path and "
              + RedisSinkConfig.TRUSTSTORE_PASSWORD_CONFIG
              + "): "
              + e.getMessage());
    }
  }
}
