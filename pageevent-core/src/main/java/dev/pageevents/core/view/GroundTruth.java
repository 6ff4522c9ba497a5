package dev.pageevents.core.view;

import dev.pageevents.core.event.FieldMapping;
import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.event.PageEventConverter;
import dev.pageevents.core.event.PageEventDataException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The aggregates every exact sink must reproduce, computed from the records of a topic: per page
 * visits and total duration, per (user, page) visit count, and how many records were poison. The
 * {@code compare} command and the sinks' integration tests share it.
 */
public final class GroundTruth {
  private final Map<String, PageTotals> pages = new TreeMap<>();
  private final Map<List<String>, Long> visits = new TreeMap<>(GroundTruth::compare);
  private final PageEventConverter converter = new PageEventConverter(FieldMapping.defaults());
  private int poison;

  /** Aggregates the given records (values as UTF-8 JSON), as the sinks convert them. */
  public static GroundTruth of(Iterable<ConsumerRecord<byte[], byte[]>> records) {
    GroundTruth truth = new GroundTruth();
    records.forEach(truth::add);
    return truth;
  }

  /** Adds one record: a page event, or poison when it does not convert. */
  public void add(ConsumerRecord<byte[], byte[]> record) {
    String value =
        record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
    try {
      add(converter.convert(value, "offset " + record.offset(), "id-" + record.offset()));
    } catch (PageEventDataException e) {
      poison++;
    }
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

  /** Visit count per {@code List.of(user, page)}. */
  public Map<List<String>, Long> visits() {
    return visits;
  }

  /** Records that are not page events (the sinks send them to their dead letter queue). */
  public int poison() {
    return poison;
  }

  /** Page events aggregated. */
  public long events() {
    return pages.values().stream().mapToLong(PageTotals::visits).sum();
  }

  private static int compare(List<String> a, List<String> b) {
    int first = a.get(0).compareTo(b.get(0));
    return first != 0 ? first : a.get(1).compareTo(b.get(1));
  }
}
