package dev.pageevents.stack.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pageevents.stack.RedisServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** A real redis-server behind the proxy, used through Jedis: delay, black hole, reset. */
class TcpProxyRedisIT {
  private static RedisServer redis;
  private static TcpProxy proxy;

  @BeforeAll
  static void start() {
    redis = RedisServer.create("redis-behind-proxy");
    redis.start();
    proxy = TcpProxy.start(new InetSocketAddress("127.0.0.1", redis.port()));
  }

  @AfterAll
  static void stop() {
    proxy.close();
    redis.close();
  }

  @Test
  void shouldServeCommandsThroughTheProxyWithTwiceTheDelayPerRoundTrip() {
    try (Jedis jedis = jedis(5_000)) {
      jedis.set("through-proxy", "yes");
      proxy.delay(Duration.ofMillis(25));
      try {
        long start = System.nanoTime();
        assertThat(jedis.get("through-proxy")).isEqualTo("yes");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
            .isGreaterThanOrEqualTo(Duration.ofMillis(50));
      } finally {
        proxy.delay(Duration.ZERO);
      }
    }
  }

  @Test
  void shouldTimeOutWhileBlackHoledAndServeAgainAfterRestore() {
    try (Jedis jedis = jedis(300)) {
      assertThat(jedis.ping()).isEqualTo("PONG");
      proxy.blackHole();
      try {
        assertThatThrownBy(jedis::ping).isInstanceOf(JedisConnectionException.class);
      } finally {
        proxy.restore();
      }
    }
    try (Jedis jedis = jedis(5_000)) {
      assertThat(jedis.ping()).isEqualTo("PONG");
    }
  }

  @Test
  void shouldFailTheOpenConnectionOnResetAndAcceptANewOne() {
    Jedis jedis = jedis(5_000);
    assertThat(jedis.ping()).isEqualTo("PONG");
    proxy.resetConnections();
    assertThatThrownBy(jedis::ping)
        .isInstanceOf(JedisConnectionException.class)
        .hasStackTraceContaining("reset");
    // not closed: Jedis's close() sends QUIT and throws on a reset connection
    try (Jedis again = jedis(5_000)) {
      assertThat(again.ping()).isEqualTo("PONG");
    }
  }

  private static Jedis jedis(int timeoutMs) {
    return new Jedis(
        new HostAndPort("127.0.0.1", proxy.port()),
        DefaultJedisClientConfig.builder()
            .socketTimeoutMillis(timeoutMs)
            .connectionTimeoutMillis(timeoutMs)
            .build());
  }
}
