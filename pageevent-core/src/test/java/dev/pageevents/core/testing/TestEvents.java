package dev.pageevents.core.testing;

import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.event.PageEventJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic page events for sink integration tests, as the JSON strings a plain producer sends:
 * a few users and pages, some of them with hostile names (quotes, backticks, braces, dots, {@code
 * $}, unicode, Cypher, CQL and Lua syntax), and poison values that no sink can convert. {@link
 * PageEventTopic} produces them.
 */
public final class TestEvents {
  /** Names that break any store that builds queries or keys by concatenation. */
  public static final List<String> HOSTILE_NAMES =
      List.of(
          "/it's \"quoted\"",
          "`backtick` })-[:X]->(n) DETACH DELETE n //",
          "{hash}{tag}",
          "'; return redis.call('FLUSHALL') --",
          "$param ${x} \\ \n\t ünïcödé ✓",
          "a.b.$set'); DROP KEYSPACE system; --");

  /** Values every sink must send to the dead letter queue. */
  public static final List<String> POISON =
      List.of(
          "not json at all",
          "{\"page\":\"/x\",\"user\":\"u\"}",
          "{\"page\":\"/x\",\"user\":\"u\",\"timestamp\":\"yesterday\",\"durationMs\":5}",
          "[1,2,3]");

  private TestEvents() {}

  /**
   * {@code count} events as JSON, the same for the same seed; every 10th page is a hostile name.
   */
  public static List<String> json(long seed, int count, int users, int pages) {
    Random random = new Random(seed);
    List<String> values = new ArrayList<>(count);
    long start = System.currentTimeMillis() - 3_600_000L;
    for (int i = 0; i < count; i++) {
      int pageNumber = random.nextInt(pages);
      String page =
          pageNumber % 10 == 9
              ? HOSTILE_NAMES.get((pageNumber / 10) % HOSTILE_NAMES.size())
              : "/page/" + pageNumber;
      String user =
          i % 17 == 0
              ? HOSTILE_NAMES.get(i % HOSTILE_NAMES.size())
              : "user-" + random.nextInt(users);
      values.add(
          PageEventJson.toJson(
              new PageEvent(
                  "seed" + seed + "-" + i,
                  page,
                  user,
                  start + i * 1_000L + random.nextInt(1_000),
                  random.nextInt(60_000))));
    }
    return values;
  }
}
