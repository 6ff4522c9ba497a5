package dev.pageevents.benchmarks.e2e;

import java.util.OptionalDouble;

/**
 * Which rate to probe next: from the start rate up by ×1.5 while every sink keeps up (down by ÷2
 * while none has), then a few bisections between the highest rate that kept up and the lowest that
 * did not. A first probe that falls behind is probed once more before it counts: the stores start
 * cold (a fresh Neo4j spent its first minute on the first batch), and a cold failure taken as the
 * upper bound would keep the whole search below it.
 */
final class RateSearch {
  private static final double STEP_UP = 1.5;
  private static final double MIN_RATE = 50;

  private final double start;
  private final int bisections;
  private final int maxProbes;
  private double passed = Double.NaN;
  private double failed = Double.NaN;
  private int probes;
  private int bisected;
  private boolean warm;

  RateSearch(double start, int bisections, int maxProbes) {
    this.start = start;
    this.bisections = bisections;
    this.maxProbes = maxProbes;
  }

  /** The next rate to probe, or empty when the search is over. */
  OptionalDouble next() {
    if (probes >= maxProbes) {
      return OptionalDouble.empty();
    }
    if (probes == 0 || (Double.isNaN(passed) && Double.isNaN(failed))) {
      return OptionalDouble.of(start);
    }
    if (Double.isNaN(failed)) {
      return OptionalDouble.of(Math.round(passed * STEP_UP));
    }
    if (Double.isNaN(passed)) {
      double lower = Math.round(failed / 2);
      return lower < MIN_RATE ? OptionalDouble.empty() : OptionalDouble.of(lower);
    }
    if (bisected >= bisections) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Math.round((passed + failed) / 2));
  }

  /** Records the outcome of a probe at {@code rate}. */
  void record(double rate, boolean keptUp) {
    if (!Double.isNaN(passed) && !Double.isNaN(failed)) {
      bisected++;
    }
    probes++;
    if (!warm) {
      warm = true;
      if (!keptUp) {
        return; // cold: the same rate is probed again
      }
    }
    if (keptUp) {
      passed = Double.isNaN(passed) ? rate : Math.max(passed, rate);
    } else {
      failed = Double.isNaN(failed) ? rate : Math.min(failed, rate);
    }
  }

  /** The highest rate that kept up, if any did. */
  OptionalDouble best() {
    return Double.isNaN(passed) ? OptionalDouble.empty() : OptionalDouble.of(passed);
  }
}
