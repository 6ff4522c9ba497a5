package dev.pageevents.benchmarks.sink;

import java.util.List;

/**
 * One sink's scale run: its slices, the events in the topic and in the store at the end, and the
 * verdict on the goal: the last slice's rate at least {@link #MIN_LAST_RATIO} of the
 * first's, no growth trend in the worker's RSS (the least-squares slope through the slices after
 * the first, times their events, at most {@link #MAX_RSS_GROWTH_MB}), and the store holding every
 * event of the topic.
 */
record ScaleResult(String sink, long events, long stored, List<Slicer.Slice> slices) {
  static final double MIN_LAST_RATIO = 0.8;

  /**
   * RSS growth over slices 2-10 (as the trend projects it) that counts as a trend: the worker's
   * heap is fixed and pre-touched, so growth is off-heap; a few MB move with thread stacks and code
   * cache, 32 MB (7 MB per million events over a 5M run) does not come from them.
   */
  static final double MAX_RSS_GROWTH_MB = 32;

  double lastOverFirst() {
    return Slicer.ratio(slices, slices.size(), 1);
  }

  /** The first slice holds the JIT warm-up: the last over the second shows the steady trend. */
  double lastOverSecond() {
    return Slicer.ratio(slices, slices.size(), 2);
  }

  /** MB per million events, through the slices after the first. */
  double rssSlope() {
    return Slicer.rssSlopeMbPerMillion(slices);
  }

  /** The RSS growth the slope projects over the slices after the first. */
  double rssTrendMb() {
    long span = slices.get(slices.size() - 1).endEvents() - slices.get(0).endEvents();
    return rssSlope() * span / 1e6;
  }

  /**
   * "pass", or "FAIL: " and what failed: the rate ratio, RSS growth, a store short of the topic.
   */
  String verdict() {
    StringBuilder failed = new StringBuilder();
    if (lastOverFirst() < MIN_LAST_RATIO) {
      failed.append(String.format("last ÷ first %.2f < %.1f; ", lastOverFirst(), MIN_LAST_RATIO));
    }
    if (rssTrendMb() > MAX_RSS_GROWTH_MB) {
      failed.append(
          String.format(
              "RSS grows %.0f MB over slices 2-10 (%.1f MB per million events); ",
              rssTrendMb(), rssSlope()));
    }
    if (stored != events) {
      failed.append(String.format("store holds %,d of %,d events; ", stored, events));
    }
    return failed.isEmpty() ? "pass" : "FAIL: " + failed.substring(0, failed.length() - 2);
  }
}
