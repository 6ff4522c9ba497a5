package dev.pageevents.neo4j;

import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.sink.PageEventRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Turns a batch into Cypher parameters: one row per (user, page) with the batch's count, duration
 * sum and first/last event time, sorted so concurrent transactions lock nodes in the same order;
 * and, for {@code NEXT}, each user's page-to-page transitions in offset order.
 */
final class Neo4jRows {
  private Neo4jRows() {}

  /** The visit rows: user, page, count, durationMs, firstAt, lastAt (epoch ms). */
  static List<Map<String, Object>> visits(List<PageEventRecord> batch) {
    Map<List<String>, long[]> sums = new TreeMap<>(Neo4jRows::compare);
    for (PageEventRecord each : batch) {
      PageEvent event = each.event();
      long[] sum =
          sums.computeIfAbsent(
              List.of(event.user(), event.page()),
              key -> new long[] {0, 0, Long.MAX_VALUE, Long.MIN_VALUE});
      sum[0]++;
      sum[1] += event.durationMs();
      sum[2] = Math.min(sum[2], event.timestampMs());
      sum[3] = Math.max(sum[3], event.timestampMs());
    }
    List<Map<String, Object>> rows = new ArrayList<>(sums.size());
    sums.forEach(
        (key, sum) ->
            rows.add(
                Map.of(
                    "user", key.get(0),
                    "page", key.get(1),
                    "count", sum[0],
                    "durationMs", sum[1],
                    "firstAt", sum[2],
                    "lastAt", sum[3])));
    return rows;
  }

  /** The distinct values of one field of the batch's events, sorted: the order to lock them in. */
  static List<String> sorted(List<PageEventRecord> batch, Function<PageEvent, String> field) {
    TreeSet<String> values = new TreeSet<>();
    batch.forEach(each -> values.add(field.apply(each.event())));
    return new ArrayList<>(values);
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
