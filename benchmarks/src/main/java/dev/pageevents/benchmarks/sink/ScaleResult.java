package dev.pageevents.benchmarks.sink;

import java.util.List;

/**
 * One sink's scale run: its slices, the events in the topic and in the store at the end, and the
 * verdict on the goal: flat when the last slice's rate is at least {@link #MIN_LAST_RATIO}
 * of the first's and the worker's RSS shows no growth trend (slope through the slices after the
 * first at most {@link #MAX_RSS_SLOPE} MB per million events).
 */
record ScaleResult(String sink, long events, long stored, List<Slicer.Slice> slices) {
  static final double MIN_LAST_RATIO = 0.8;

  /**
   * RSS growth that counts as a trend: the worker's heap is fixed and pre-touched, so growth is
   * off-heap; 10 MB per million events would be 50 MB over a 5M run, well above sampling noise.
   */
  static final double MAX_RSS_SLOPE = 10;

  double lastOverFirst() {
    return Slicer.ratio(slices, slices.size(), 1);
  }

  /** The first slice holds the JIT warm-up: the last over the second shows the steady trend. */
  double lastOverSecond() {
    return Slicer.ratio(slices, slices.size(), 2);
  }

  double rssSlope() {
    return Slicer.rssSlopeMbPerMillion(slices);
  }

  /** "pass", or what failed: the rate ratio, RSS growth, a store that does not match the topic. */
  String verdict() {
    StringBuilder failed = new StringBuilder();
    if (lastOverFirst() < MIN_LAST_RATIO) {
      failed.append(String.format("last ÷ first %.2f < %.1f; ", lastOverFirst(), MIN_LAST_RATIO));
    }
    if (rssSlope() > MAX_RSS_SLOPE) {
      failed.append(String.format("RSS grows %.1f MB per million events; ", rssSlope()));
    }
    if (stored != events) {
      failed.append(String.format("store holds %,d of %,d events; ", stored, events));
    }
    return failed.isEmpty() ? "pass" : "FAIL: " + failed.substring(0, failed.length() - 2);
  }
}
