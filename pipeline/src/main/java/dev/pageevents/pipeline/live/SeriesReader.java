package dev.pageevents.pipeline.live;

import dev.pageevents.core.view.RankedPage;
import dev.pageevents.core.view.StoreView;
import dev.pageevents.core.view.TimeBuckets;
import dev.pageevents.pipeline.compare.Store;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Visits per page per time bucket, read from the first sink whose store keeps bucket counters (the
 * Redis sink's, with the same key layout and bucket width as the sink, from its connector config).
 * Buckets are by event time, so the window ends at the newest event the sink has written, not at
 * the wall clock: a simulated clock (the demo's) is shown as it is.
 */
final class SeriesReader implements AutoCloseable {
  static final int DEFAULT_BUCKETS = 30;
  static final int MAX_BUCKETS = 240;
  static final int DEFAULT_PAGES = 5;
  static final int MAX_PAGES = 20;

  /** The chart's data: bucket starts (epoch seconds) and one series of visits per page. */
  record Series(
      int bucketSeconds,
      long latestEventMs,
      List<Long> buckets,
      List<PageSeries> series,
      List<RankedPage> topPages) {}

  /**
   * One page's visits per bucket, aligned with {@link Series#buckets()}, and its all-time total.
   */
  record PageSeries(String page, long total, List<Long> visits) {}

  private final StoreView view;
  private final TimeBuckets counters;

  private SeriesReader(StoreView view) {
    this.view = view;
    Optional<TimeBuckets> counters = view.timeBuckets();
    if (counters.isEmpty()) {
      view.close();
      throw new IllegalArgumentException(view.storeName() + " keeps no time buckets");
    }
    this.counters = counters.get();
  }

  /** A reader over the first sink whose store keeps time buckets; empty when there is none. */
  static Optional<SeriesReader> open(LiveTarget target) {
    return target.sinks().values().stream()
        .filter(Store::keepsTimeBuckets)
        .findFirst()
        .flatMap(store -> target.storeConfig(store).map(store::open))
        .map(SeriesReader::new);
  }

  /**
   * @param pages the pages to chart; empty: the {@code top} most visited of all time
   * @param buckets how many buckets, ending with the one holding the newest event
   */
  Series read(List<String> pages, int top, int buckets) {
    List<RankedPage> ranking = counters.topPages(MAX_PAGES);
    Set<String> chosen = new LinkedHashSet<>(pages);
    if (chosen.isEmpty()) {
      ranking.stream().limit(top).forEach(p -> chosen.add(p.page()));
    }
    long latest = 0;
    for (RankedPage page : ranking) {
      latest = Math.max(latest, counters.lastSeenMs(page.page()));
    }
    int bucketSeconds = counters.bucketSeconds();
    List<Long> starts = new ArrayList<>(buckets);
    long last = Math.floorDiv(latest, 1000L);
    last -= Math.floorMod(last, (long) bucketSeconds);
    for (int i = buckets - 1; i >= 0; i--) {
      starts.add(last - (long) i * bucketSeconds);
    }
    List<PageSeries> series = new ArrayList<>(chosen.size());
    for (String page : chosen) {
      List<Long> visits = new ArrayList<>(buckets);
      for (long start : starts) {
        visits.add(latest == 0 ? 0 : counters.visitsBetween(page, start * 1000, start * 1000));
      }
      series.add(new PageSeries(page, counters.visits(page), visits));
    }
    return new Series(bucketSeconds, latest, starts, series, ranking);
  }

  @Override
  public void close() {
    view.close();
  }
}
