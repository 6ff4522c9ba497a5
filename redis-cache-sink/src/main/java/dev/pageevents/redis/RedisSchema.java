package dev.pageevents.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * What the sink sets up at start: the layout record ({@code prefix:meta}, which refuses a changed
 * group count because pages would move to other keys) and the batch script, loaded into the script
 * cache of every node that holds a group.
 */
final class RedisSchema {
  static final String LAYOUT_VERSION = "1";
  static final String SCRIPT = loadScript();
  private static final int CLEAR_BATCH = 1_000;

  private RedisSchema() {}

  /** Records the layout on first use, or checks that it matches the stored one. */
  static void ensure(UnifiedJedis redis, RedisKeys keys) {
    String meta = keys.meta();
    String groups = Integer.toString(keys.groups());
    redis.hsetnx(meta, "layoutVersion", LAYOUT_VERSION);
    redis.hsetnx(meta, "groups", groups);
    Map<String, String> stored = redis.hgetAll(meta);
    if (!groups.equals(stored.get("groups"))) {
      throw new ConnectException(
          "Keys under prefix '"
              + keys.prefix()
              + "' were written with "
              + RedisSinkConfig.GROUPS_CONFIG
              + "="
              + stored.get("groups")
              + "; set it back, or use a new "
              + RedisSinkConfig.PREFIX_CONFIG
              + " (changing it would move pages to other keys)");
    }
    for (int group = 0; group < keys.groups(); group++) {
      loadScript(redis, keys, group);
    }
  }

  /**
   * Deletes every key under the prefix: each group's counters, rankings, users and stored offsets
   * (scanned per group, so on a Cluster each scan runs on the master of that group's slot), then
   * the layout record.
   */
  static void clear(UnifiedJedis redis, RedisKeys keys) {
    for (int group = 0; group < keys.groups(); group++) {
      ScanParams match =
          new ScanParams().match(globEscaped(keys.groupPrefix(group)) + "*").count(CLEAR_BATCH);
      String cursor = ScanParams.SCAN_POINTER_START;
      do {
        ScanResult<String> page = redis.scan(cursor, match);
        if (!page.getResult().isEmpty()) {
          redis.unlink(page.getResult().toArray(String[]::new));
        }
        cursor = page.getCursor();
      } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    }
    redis.unlink(keys.meta());
  }

  /** The text with Redis glob characters escaped, so a prefix matches only itself. */
  static String globEscaped(String text) {
    return text.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
  }

  /** Loads the script on the node of a group and returns its SHA-1. */
  static String loadScript(UnifiedJedis redis, RedisKeys keys, int group) {
    return redis.scriptLoad(SCRIPT, keys.offsets(group));
  }

  private static String loadScript() {
    try (InputStream in = RedisSchema.class.getResourceAsStream("apply-batch.lua")) {
      if (in == null) {
        throw new IllegalStateException("apply-batch.lua is missing from the plugin");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
