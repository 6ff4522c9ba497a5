package dev.pageevents.redis;

import dev.pageevents.core.view.ClientStoreView;
import dev.pageevents.core.view.PageTotals;
import dev.pageevents.core.view.RankedPage;
import dev.pageevents.core.view.TimeBuckets;
import dev.pageevents.core.view.ViewSample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.Tuple;
import redis.clients.jedis.util.JedisClusterCRC16;
import redis.clients.jedis.util.SafeEncoder;

/**
 * The read side of the Redis sink: per-page totals, top pages (all time and per time bucket),
 * windowed visits, a user's last page, and where a key lives (hash slot and node). Never writes.
 */
public final class RedisView extends ClientStoreView implements TimeBuckets {
  static final String STORE_NAME = "Redis";

  /** How many pages the demo's sample query ranks. */
  private static final int SAMPLE_TOP = 5;

  /** A page's counters. */
  public record PageCounters(long visits, long durationMs, long lastSeenMs) {}

  /** A user's latest visit, by event time. */
  public record LastVisit(String page, long timestampMs) {}

  /** Where a key lives: its hash slot, and the node ({@code host:port}) serving that slot. */
  public record KeyLocation(String key, int slot, String node) {}

  private final UnifiedJedis redis;
  private final RedisKeys keys;

  /** A view over an open client, which the caller keeps and closes. */
  public RedisView(UnifiedJedis redis, RedisKeys keys) {
    this(redis, false, keys);
  }

  private RedisView(UnifiedJedis redis, boolean ownsClient, RedisKeys keys) {
    super(STORE_NAME, redis, ownsClient);
    this.redis = redis;
    this.keys = keys;
  }

  /**
   * A view that connects with a connector config (the same keys as the sink) and owns the client.
   */
  public static RedisView open(Map<String, String> connectorConfig) {
    RedisSinkConfig config = new RedisSinkConfig(connectorConfig);
    return new RedisView(RedisClients.create(config), true, config.keys());
  }

  /** A page's counters; zeros when the page was never seen. */
  public PageCounters page(String page) {
    Map<String, String> hash = redis.hgetAll(keys.page(page));
    return new PageCounters(
        number(hash.get("visits")), number(hash.get("durationMs")), number(hash.get("lastSeenMs")));
  }

  /** The bucket counters per page, for the live view's chart. */
  @Override
  public Optional<TimeBuckets> timeBuckets() {
    return Optional.of(this);
  }

  @Override
  public int bucketSeconds() {
    return keys.bucketSeconds();
  }

  @Override
  public long visits(String page) {
    return page(page).visits();
  }

  @Override
  public long lastSeenMs(String page) {
    return page(page).lastSeenMs();
  }

  /** The top pages of the time bucket holding the sample time. */
  @Override
  public List<String> sampleQuery(ViewSample sample) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "  top 5 pages in the time window holding "
            + sample.eventTime()
            + " (sorted sets per bucket):");
    topPagesInBucket(sample.eventTime().toEpochMilli(), SAMPLE_TOP)
        .forEach(p -> lines.add(String.format("    %-12s %,d visits", p.page(), p.visits())));
    return lines;
  }

  /** The hash slot and node of the sample page's counters. */
  @Override
  public List<String> whereLives(ViewSample sample) {
    KeyLocation where = locatePage(sample.page());
    return List.of(
        "  where it lives: key "
            + where.key()
            + " -> hash slot "
            + where.slot()
            + " on node "
            + where.node());
  }

  /** Visits and total duration of every page the sink has seen, sorted by name. */
  @Override
  public Map<String, PageTotals> totalsByPage() {
    Map<String, PageTotals> pages = new TreeMap<>();
    for (int group = 0; group < keys.groups(); group++) {
      for (String page : redis.zrange(keys.top(group), 0, -1)) {
        PageCounters counters = page(page);
        pages.put(page, new PageTotals(page, counters.visits(), counters.durationMs()));
      }
    }
    return pages;
  }

  /** The most visited pages of all time: the groups' rankings merged. */
  @Override
  public List<RankedPage> topPages(int limit) {
    List<RankedPage> merged = new ArrayList<>();
    for (int group = 0; group < keys.groups(); group++) {
      merged.addAll(ranked(redis.zrevrangeWithScores(keys.top(group), 0, limit - 1L)));
    }
    return best(merged, limit);
  }

  /** The most visited pages in the time bucket that contains {@code timestampMs}. */
  public List<RankedPage> topPagesInBucket(long timestampMs, int limit) {
    long bucket = keys.bucketStart(timestampMs);
    List<RankedPage> merged = new ArrayList<>();
    for (int group = 0; group < keys.groups(); group++) {
      merged.addAll(
          ranked(redis.zrevrangeWithScores(keys.bucketTop(group, bucket), 0, limit - 1L)));
    }
    return best(merged, limit);
  }

  /**
   * Visits of a page in the buckets from the one holding {@code fromMs} to the one holding {@code
   * toMs}.
   */
  @Override
  public long visitsBetween(String page, long fromMs, long toMs) {
    long total = 0;
    long step = keys.bucketSeconds();
    for (long bucket = keys.bucketStart(fromMs); bucket <= keys.bucketStart(toMs); bucket += step) {
      total += number(redis.get(keys.bucket(page, bucket)));
    }
    return total;
  }

  /** A user's last page, or null when the user was never seen. */
  public LastVisit lastVisit(String user) {
    Map<String, String> hash = redis.hgetAll(keys.user(user));
    if (hash.isEmpty()) {
      return null;
    }
    return new LastVisit(hash.get("lastPage"), number(hash.get("lastSeenMs")));
  }

  /**
   * The Redis version of the server (standalone) or of the node serving the sample page's slot
   * (cluster), from {@code INFO server}.
   */
  @Override
  public Optional<String> answeredBy() {
    String key = keys.page("");
    Object reply =
        redis instanceof JedisCluster
            ? redis.sendCommand(key, Protocol.Command.INFO, "server")
            : redis.sendCommand(Protocol.Command.INFO, "server");
    String version =
        SafeEncoder.encode((byte[]) reply)
            .lines()
            .filter(line -> line.startsWith("redis_version:"))
            .map(line -> line.substring("redis_version:".length()).trim())
            .findFirst()
            .orElse("(version not reported)");
    String where = redis instanceof JedisCluster ? " at " + locate(key).node() : " (standalone)";
    return Optional.of("Redis " + version + where);
  }

  /** Where a page's counters live. */
  public KeyLocation locatePage(String page) {
    return locate(keys.page(page));
  }

  /** Where any key lives: slot by CRC16 of its hash tag, node as the cluster reports it. */
  public KeyLocation locate(String key) {
    int slot = JedisClusterCRC16.getSlot(key);
    if (!(redis instanceof JedisCluster)) {
      return new KeyLocation(key, slot, "standalone");
    }
    return new KeyLocation(
        key,
        slot,
        clusterNodes(key)
            .myself()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "CLUSTER NODES did not name the node serving slot " + slot))
            .address());
  }

  /** Per master: its health, slots and replicas, as the cluster reports them; empty standalone. */
  @Override
  public List<String> placement() {
    if (!(redis instanceof JedisCluster)) {
      return List.of();
    }
    return clusterNodes(keys.page("")).lines();
  }

  /** {@code CLUSTER NODES} as the node serving {@code key}'s slot answers it. */
  private ClusterNodes clusterNodes(String key) {
    Object reply = redis.sendCommand(key, Protocol.Command.CLUSTER, "NODES");
    return ClusterNodes.parse(SafeEncoder.encode((byte[]) reply));
  }

  private static List<RankedPage> ranked(List<Tuple> tuples) {
    List<RankedPage> pages = new ArrayList<>(tuples.size());
    for (Tuple tuple : tuples) {
      pages.add(new RankedPage(tuple.getElement(), (long) tuple.getScore()));
    }
    return pages;
  }

  private static List<RankedPage> best(List<RankedPage> pages, int limit) {
    Map<String, RankedPage> unique = new LinkedHashMap<>();
    pages.stream()
        .sorted(
            Comparator.comparingLong(RankedPage::visits).reversed().thenComparing(RankedPage::page))
        .limit(limit)
        .forEach(page -> unique.put(page.page(), page));
    return new ArrayList<>(unique.values());
  }

  private static long number(String value) {
    return value == null ? 0L : Long.parseLong(value);
  }
}
