package dev.pageevents.benchmarks.sink;

import dev.pageevents.core.event.PageEvent;
import dev.pageevents.redis.RedisKeys;
import dev.pageevents.stack.RedisServer;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * Redis (one embedded server): per event the sink's script updates the page hash, the all-time and
 * per-bucket top sets, the bucket counter (with TTLs) and the user hash; the native baseline sends
 * the same nine commands per event through one pipelined connection, syncing every 1,000 events.
 * The script also skips already-applied offsets and checks key types, which plain commands cannot.
 */
public final class RedisTarget implements SinkTarget {
  /** The sample config's layout: prefix pe, 16 groups, 60 s buckets that live 3600 s. */
  private static final RedisKeys KEYS = new RedisKeys("pe", 16, 60, 3600);

  private static final int SYNC_EVERY = 1000;

  private RedisServer server;
  private Jedis jedis;

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public String archive() {
    return "redis-cache-sink";
  }

  @Override
  public String sampleConfig() {
    return "redis-cache-sink.json";
  }

  @Override
  public void start() {
    server = RedisServer.create("bench-redis");
    server.start();
    jedis = new Jedis("127.0.0.1", server.port());
  }

  @Override
  public InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", server.port());
  }

  @Override
  public Map<String, String> connection(InetSocketAddress address) {
    return Map.of("redis.hosts", SinkTarget.hostPort(address));
  }

  @Override
  public void reset() {
    jedis.flushAll();
  }

  @Override
  public void writeNative(List<PageEvent> events) {
    Pipeline pipeline = jedis.pipelined();
    long ttl = KEYS.bucketTtlSeconds();
    int pending = 0;
    for (PageEvent event : events) {
      String page = KEYS.page(event.page());
      long bucket = KEYS.bucketStart(event.timestampMs());
      String bucketKey = KEYS.bucket(event.page(), bucket);
      String bucketTop = KEYS.bucketTop(KEYS.groupOf(event.page()), bucket);
      String ts = Long.toString(event.timestampMs());
      pipeline.hincrBy(page, "visits", 1);
      pipeline.hincrBy(page, "durationMs", event.durationMs());
      pipeline.hset(page, "lastSeenMs", ts);
      pipeline.zincrby(KEYS.top(KEYS.groupOf(event.page())), 1, event.page());
      pipeline.incr(bucketKey);
      pipeline.expire(bucketKey, ttl);
      pipeline.zincrby(bucketTop, 1, event.page());
      pipeline.expire(bucketTop, ttl);
      pipeline.hset(KEYS.user(event.user()), Map.of("lastPage", event.page(), "lastSeenMs", ts));
      if (++pending == SYNC_EVERY) {
        pipeline.sync();
        pending = 0;
      }
    }
    pipeline.sync();
  }

  @Override
  public String nativeMethod() {
    return "Jedis 5.2 pipeline of the script's 9 commands per event (HINCRBY x2, HSET, ZINCRBY"
        + " x2, INCR, EXPIRE x2, HSET user), sync every 1,000 events";
  }

  /** Visits summed over every page hash. */
  @Override
  public long written() {
    long total = 0;
    for (int page = 0; page < BenchEvents.PAGES; page++) {
      String visits = jedis.hget(KEYS.page(BenchEvents.page(page)), "visits");
      total += visits == null ? 0 : Long.parseLong(visits);
    }
    return total;
  }

  @Override
  public String server() {
    return "redis-server (embedded-stack: from PATH, else embedded-redis 6.2 binary)";
  }

  @Override
  public void close() {
    if (jedis != null) {
      jedis.close();
    }
    if (server != null) {
      server.close();
    }
  }
}
