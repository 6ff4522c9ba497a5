package dev.pageevents.core.testing;

import dev.pageevents.core.event.FieldMapping;
import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.event.PageEventConverter;
import dev.pageevents.core.event.PageEventDataException;
import dev.pageevents.core.view.PageTotals;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The aggregates every exact sink must reproduce, computed from the records of a topic: per page
 * visits and total duration, per (user, page) visit count, and how many records were poison.
 */
public final class GroundTruth {
  private final Map<String, PageTotals> pages = new TreeMap<>();
  private final Map<List<String>, Long> visits = new TreeMap<>(GroundTruth::compare);
  private int poison;

  /** Aggregates the given records (values as UTF-8 JSON), as the sinks convert them. */
  public static GroundTruth of(Iterable<ConsumerRecord<byte[], byte[]>> records) {
    PageEventConverter converter = new PageEventConverter(FieldMapping.defaults());
    GroundTruth truth = new GroundTruth();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      String value =
          record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
      try {
        truth.add(converter.convert(value, "offset " + record.offset(), "id-" + record.offset()));
      } catch (PageEventDataException e) {
        truth.poison++;
      }
    }
    return truth;
  }

  private void add(PageEvent event) {
    pages.merge(
        event.page(),
        new PageTotals(event.page(), 1, event.durationMs()),
        (a, b) ->
            new PageTotals(
                a.page(), a.visits() + b.visits(), a.totalDurationMs() + b.totalDurationMs()));
    visits.merge(List.of(event.user(), event.page()), 1L, Long::sum);
  }

  /** Visits and total duration per page, sorted by page. */
  public Map<String, PageTotals> pages() {
    return pages;
  }

  /**
   * A store view's per-page numbers in the ground truth's terms, for comparing with {@link
   * #pages()}.
   */
  public static <T> Map<String, PageTotals> pages(
      Map<String, T> byPage, ToLongFunction<T> visits, ToLongFunction<T> durationMs) {
    Map<String, PageTotals> pages = new TreeMap<>();
    byPage.forEach(
        (page, totals) ->
            pages.put(
                page,
                new PageTotals(page, visits.applyAsLong(totals), durationMs.applyAsLong(totals))));
    return pages;
  }

  /** Visit count per {@code List.of(user, page)}. */
  public Map<List<String>, Long> visits() {
    return visits;
  }

  public int poison() {
    return poison;
  }

  public long events() {
    return pages.values().stream().mapToLong(PageTotals::visits).sum();
  }

  private static int compare(List<String> a, List<String> b) {
    int first = a.get(0).compareTo(b.get(0));
    return first != 0 ? first : a.get(1).compareTo(b.get(1));
  }
}
