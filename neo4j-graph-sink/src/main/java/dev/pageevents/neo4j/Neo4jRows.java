package dev.pageevents.neo4j;

import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.sink.PageEventRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a batch into Cypher parameters: its users and pages, sorted so concurrent transactions lock
 * them in the same order, and one row per (user, page) with the batch's count, duration sum and
 * first/last event time; and, for {@code NEXT}, each user's page-to-page transitions in offset
 * order.
 */
final class Neo4jRows {
  private Neo4jRows() {}

  /**
   * The parameters of {@code MERGE_VISITS}: the batch's distinct users and pages, each sorted, and
   * one row per (user, page) in that order with its user's and page's positions in those lists
   * ({@code u}, {@code p}), count, durationMs, firstAt, lastAt (epoch ms).
   */
  static Map<String, Object> visits(List<PageEventRecord> batch) {
    Map<List<String>, long[]> sums = new TreeMap<>(Neo4jRows::compare);
    TreeMap<String, Long> users = new TreeMap<>();
    TreeMap<String, Long> pages = new TreeMap<>();
    for (PageEventRecord each : batch) {
      PageEvent event = each.event();
      users.put(event.user(), 0L);
      pages.put(event.page(), 0L);
      long[] sum =
          sums.computeIfAbsent(
              List.of(event.user(), event.page()),
              key -> new long[] {0, 0, Long.MAX_VALUE, Long.MIN_VALUE});
      sum[0]++;
      sum[1] += event.durationMs();
      sum[2] = Math.min(sum[2], event.timestampMs());
      sum[3] = Math.max(sum[3], event.timestampMs());
    }
    numberInOrder(users);
    numberInOrder(pages);
    List<Map<String, Object>> rows = new ArrayList<>(sums.size());
    sums.forEach(
        (key, sum) ->
            rows.add(
                Map.of(
                    "u", users.get(key.get(0)),
                    "p", pages.get(key.get(1)),
                    "count", sum[0],
                    "durationMs", sum[1],
                    "firstAt", sum[2],
                    "lastAt", sum[3])));
    return Map.of(
        "users",
        new ArrayList<>(users.keySet()),
        "pages",
        new ArrayList<>(pages.keySet()),
        "rows",
        rows);
  }

  private static void numberInOrder(TreeMap<String, Long> positions) {
    long position = 0;
    for (Map.Entry<String, Long> entry : positions.entrySet()) {
      entry.setValue(position++);
    }
  }

  /** The users of the batch, each with its pages in offset order. */
  static Map<String, List<String>> pagesByUser(List<PageEventRecord> batch) {
    Map<String, List<String>> pages = new LinkedHashMap<>();
    batch.stream()
        .sorted((a, b) -> Long.compare(a.record().kafkaOffset(), b.record().kafkaOffset()))
        .forEach(
            each ->
                pages
                    .computeIfAbsent(each.event().user(), user -> new ArrayList<>())
                    .add(each.event().page()));
    return pages;
  }

  /**
   * The transitions to count: from each user's last stored page (if any) through the batch's pages.
   *
   * @param lastPages each user's last page before this batch
   * @return rows of from, to, count
   */
  static List<Map<String, Object>> transitions(
      Map<String, List<String>> pagesByUser, Map<String, String> lastPages) {
    Map<List<String>, Long> counts = new TreeMap<>(Neo4jRows::compare);
    pagesByUser.forEach(
        (user, pages) -> {
          String previous = lastPages.get(user);
          for (String page : pages) {
            if (previous != null) {
              counts.merge(List.of(previous, page), 1L, Long::sum);
            }
            previous = page;
          }
        });
    List<Map<String, Object>> rows = new ArrayList<>(counts.size());
    counts.forEach(
        (key, count) -> rows.add(Map.of("from", key.get(0), "to", key.get(1), "count", count)));
    return rows;
  }

  /** Each user's last page after the batch. */
  static List<Map<String, Object>> lastPages(Map<String, List<String>> pagesByUser) {
    Map<String, String> last = new HashMap<>();
    pagesByUser.forEach((user, pages) -> last.put(user, pages.get(pages.size() - 1)));
    List<Map<String, Object>> rows = new ArrayList<>(last.size());
    new TreeMap<>(last).forEach((user, page) -> rows.add(Map.of("user", user, "page", page)));
    return rows;
  }

  private static int compare(List<String> a, List<String> b) {
    int first = a.get(0).compareTo(b.get(0));
    return first != 0 ? first : a.get(1).compareTo(b.get(1));
  }
}
