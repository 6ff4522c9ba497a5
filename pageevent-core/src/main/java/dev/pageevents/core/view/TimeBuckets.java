package dev.pageevents.core.view;

import java.util.List;

/** A store's visit counters per page and fixed-width event-time bucket. */
public interface TimeBuckets {
  /** The width of one bucket. */
  int bucketSeconds();

  /** The most visited pages of all time, best first. */
  List<RankedPage> topPages(int limit);

  /** A page's visits of all time. */
  long visits(String page);

  /** The event time (epoch ms) of a page's newest visit; 0 when never seen. */
  long lastSeenMs(String page);

  /**
   * Visits of a page in the buckets from the one holding {@code fromMs} to the one of {@code toMs}.
   */
  long visitsBetween(String page, long fromMs, long toMs);
}
