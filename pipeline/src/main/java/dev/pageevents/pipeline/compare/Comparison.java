package dev.pageevents.pipeline.compare;

import dev.pageevents.core.view.PageTotals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The topic's ground truth next to each store's per-page totals, and every disagreement named by
 * store, page and field. Plain records, so it can be printed as a table or served as JSON.
 *
 * @param topic the topic the ground truth was read from
 * @param events page events in the topic
 * @param poison records in the topic that are not page events (the sinks' dead letter queues)
 * @param stores the compared stores' titles, in column order
 * @param rows one per page seen in the topic or in any store, sorted by page
 * @param mismatches every difference; empty when every store agrees with the topic
 */
public record Comparison(
    String topic,
    long events,
    long poison,
    List<String> stores,
    List<Row> rows,
    List<Mismatch> mismatches) {

  /** What differs: a number, or a whole page missing from (or extra in) the store. */
  public enum Field {
    VISITS("visits"),
    TOTAL_DURATION_MS("total duration ms"),
    MISSING_PAGE("page missing"),
    EXTRA_PAGE("page not in the topic");

    private final String label;

    Field(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One page: the topic's totals (null when the page is only in a store) and each store's (a
   * store's entry is null when it lacks the page).
   */
  public record Row(String page, PageTotals kafka, Map<String, PageTotals> stores) {}

  /**
   * One disagreement: the store, the page, what differs, the topic's value and the store's. Missing
   * and extra pages carry visits.
   */
  public record Mismatch(String store, String page, Field field, long expected, long actual) {
    /** E.g. "Redis /home: visits 12 (Kafka) vs 11". */
    public String describe() {
      return store + " " + page + ": " + field.label() + " " + expected + " (Kafka) vs " + actual;
    }
  }

  /** True when every store holds exactly the topic's totals. */
  public boolean matches() {
    return mismatches.isEmpty();
  }

  /** The mismatches of one store. */
  public List<Mismatch> mismatchesOf(String store) {
    return mismatches.stream().filter(m -> m.store().equals(store)).toList();
  }

  /**
   * Lines up the ground truth with each store's totals.
   *
   * @param byStore store title to its per-page totals, in column order
   */
  public static Comparison of(
      String topic,
      long events,
      long poison,
      Map<String, PageTotals> truth,
      Map<String, Map<String, PageTotals>> byStore) {
    TreeSet<String> pages = new TreeSet<>(truth.keySet());
    byStore.values().forEach(totals -> pages.addAll(totals.keySet()));
    List<Row> rows = new ArrayList<>(pages.size());
    List<Mismatch> mismatches = new ArrayList<>();
    for (String page : pages) {
      PageTotals expected = truth.get(page);
      Map<String, PageTotals> stores = new LinkedHashMap<>();
      byStore.forEach(
          (store, totals) -> {
            PageTotals actual = totals.get(page);
            stores.put(store, actual);
            compare(store, page, expected, actual, mismatches);
          });
      rows.add(new Row(page, expected, stores));
    }
    return new Comparison(
        topic, events, poison, List.copyOf(byStore.keySet()), rows, List.copyOf(mismatches));
  }

  private static void compare(
      String store, String page, PageTotals expected, PageTotals actual, List<Mismatch> out) {
    if (expected == null && actual == null) {
      return; // a page only other stores hold
    }
    if (expected == null) {
      out.add(new Mismatch(store, page, Field.EXTRA_PAGE, 0, actual.visits()));
    } else if (actual == null) {
      out.add(new Mismatch(store, page, Field.MISSING_PAGE, expected.visits(), 0));
    } else {
      if (expected.visits() != actual.visits()) {
        out.add(new Mismatch(store, page, Field.VISITS, expected.visits(), actual.visits()));
      }
      if (expected.totalDurationMs() != actual.totalDurationMs()) {
        out.add(
            new Mismatch(
                store,
                page,
                Field.TOTAL_DURATION_MS,
                expected.totalDurationMs(),
                actual.totalDurationMs()));
      }
    }
  }
}
