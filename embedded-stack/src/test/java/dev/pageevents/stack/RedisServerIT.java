package dev.pageevents.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

class RedisServerIT {

  @Test
  void shouldWriteAndReadBackThroughJedis() {
    StoreServer redis = SharedServers.redis();
    try (Jedis jedis = new Jedis(java.net.URI.create(redis.endpoint()))) {
      jedis.hset("page:/home", "visits", "3");
      assertThat(jedis.hget("page:/home", "visits")).isEqualTo("3");
    }
  }

  @Test
  void shouldKeepDataAcrossRestartWhenPersistent() {
    try (RedisServer redis = RedisServer.persistent("redis-persistent")) {
      redis.start();
      try (Jedis jedis = new Jedis(java.net.URI.create(redis.endpoint()))) {
        jedis.set("kept", "yes");
      }
      redis.stop();
      redis.start();
      try (Jedis jedis = new Jedis(java.net.URI.create(redis.endpoint()))) {
        assertThat(jedis.get("kept")).isEqualTo("yes");
      }
    }
  }

  @Test
  void shouldHangWhilePausedAndServeAgainAfterResume() {
    try (RedisServer redis = RedisServer.create("redis-faults")) {
      redis.start();
      HostAndPort address = new HostAndPort("127.0.0.1", redis.port());
      redis.pause();
      assertThatThrownBy(() -> pingWithin(address, 300))
          .isInstanceOf(JedisConnectionException.class);
      redis.resume();
      try (Jedis jedis = new Jedis(address)) {
        assertThat(jedis.ping()).isEqualTo("PONG");
      }
      redis.kill();
      assertThatThrownBy(() -> pingWithin(address, 300))
          .isInstanceOf(JedisConnectionException.class);
    }
  }

  private static String pingWithin(HostAndPort address, int timeoutMs) {
    try (Jedis jedis =
        new Jedis(
            address,
            DefaultJedisClientConfig.builder()
                .socketTimeoutMillis(timeoutMs)
                .connectionTimeoutMillis(timeoutMs)
                .build())) {
      return jedis.ping();
    }
  }
}
