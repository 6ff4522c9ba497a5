package dev.pageevents.benchmarks.sink;

import dev.pageevents.core.event.PageEvent;
import dev.pageevents.stack.RedisServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * Redis (one embedded server): per event the sink's script updates the page hash, the all-time and
 * per-bucket top sets, the bucket counter (with TTLs) and the user hash; the native baseline sends
 * the same nine commands per event through one pipelined connection, syncing every 1,000 events.
 * The script also skips already-applied offsets and checks key types, which plain commands cannot.
 *
 * <p>The benchmark knows the sink only through its public configuration and the key layout its
 * README documents: every key is {@code <prefix>:{<group>}:<kind>:<name>}, the group of a page or
 * user is {@code CRC-32(UTF-8 name) mod redis.hash.groups}, and a bucket starts at the event time
 * (epoch seconds) rounded down to {@code redis.bucket.seconds}. The native baseline writes the same
 * keys the same way (so both write equally long keys into equally many hash tags), and {@link
 * #written} reads the sink's page hashes through that layout, as a user would:
 *
 * <pre>
 * pe:{g}:page:NAME            hash: visits, durationMs, lastSeenMs
 * pe:{g}:bucket:START:NAME    visits of NAME in the bucket starting at START, TTL
 * pe:{g}:top                  zset: page -> visits, all time
 * pe:{g}:top:START            zset: page -> visits in the bucket starting at START, TTL
 * pe:{g}:user:ID              hash: lastPage, lastSeenMs
 * </pre>
 */
public final class RedisTarget implements SinkTarget {
  /** The layout the sink is configured with (the sample config's values, set explicitly). */
  private static final String PREFIX = "pe";

  private static final int GROUPS = 16;
  private static final int BUCKET_SECONDS = 60;
  private static final int BUCKET_TTL_SECONDS = 3600;

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
    return Map.of(
        "redis.hosts",
        SinkTarget.hostPort(address),
        "redis.key.prefix",
        PREFIX,
        "redis.hash.groups",
        Integer.toString(GROUPS),
        "redis.bucket.seconds",
        Integer.toString(BUCKET_SECONDS),
        "redis.bucket.ttl.seconds",
        Integer.toString(BUCKET_TTL_SECONDS));
  }

  @Override
  public void reset() {
    jedis.flushAll();
  }

  @Override
  public void writeNative(List<PageEvent> events) {
    Pipeline pipeline = jedis.pipelined();
    int pending = 0;
    for (PageEvent event : events) {
      String pageGroup = groupPrefix(event.page());
      String page = pageGroup + "page:" + event.page();
      long bucket = bucketStart(event.timestampMs());
      String bucketKey = pageGroup + "bucket:" + bucket + ":" + event.page();
      String bucketTop = pageGroup + "top:" + bucket;
      String ts = Long.toString(event.timestampMs());
      pipeline.hincrBy(page, "visits", 1);
      pipeline.hincrBy(page, "durationMs", event.durationMs());
      pipeline.hset(page, "lastSeenMs", ts);
      pipeline.zincrby(pageGroup + "top", 1, event.page());
      pipeline.incr(bucketKey);
      pipeline.expire(bucketKey, BUCKET_TTL_SECONDS);
      pipeline.zincrby(bucketTop, 1, event.page());
      pipeline.expire(bucketTop, BUCKET_TTL_SECONDS);
      pipeline.hset(
          groupPrefix(event.user()) + "user:" + event.user(),
          Map.of("lastPage", event.page(), "lastSeenMs", ts));
      if (++pending == SYNC_EVERY) {
        pipeline.sync();
        pending = 0;
      }
    }
    pipeline.sync();
  }

  /** {@code pe:{g}:}, the start of every key of the group a page or user name falls in. */
  private static String groupPrefix(String name) {
    CRC32 crc = new CRC32();
    crc.update(name.getBytes(StandardCharsets.UTF_8));
    return PREFIX + ":{" + crc.getValue() % GROUPS + "}:";
  }

  /** The start (epoch seconds) of the bucket an event time falls in. */
  private static long bucketStart(long timestampMs) {
    long seconds = Math.floorDiv(timestampMs, 1000L);
    return seconds - Math.floorMod(seconds, (long) BUCKET_SECONDS);
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
      String name = BenchEvents.page(page);
      String visits = jedis.hget(groupPrefix(name) + "page:" + name, "visits");
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
