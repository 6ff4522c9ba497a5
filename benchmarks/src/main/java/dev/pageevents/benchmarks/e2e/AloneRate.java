package dev.pageevents.benchmarks.e2e;

import java.time.Duration;

/**
 * One part's rate alone, measured in the end-to-end run with every other part idle: the source
 * writing unthrottled, or one sink draining a backlog with the other sinks stopped. Timed like the
 * sink benchmark's steady rate: from the first progress seen to the target, so task start-up does
 * not count.
 *
 * @param events events counted in the steady span
 * @param seconds length of that span
 * @param complete whether the part reached the target before the timeout
 */
record AloneRate(long events, double seconds, boolean complete) {
  private static final long POLL_MS = 50;

  /** A count that only grows: records produced, or records a sink committed. */
  @FunctionalInterface
  interface Counter {
    long count() throws Exception;
  }

  /** Events per second over the steady span; 0 when nothing was measured. */
  double rate() {
    return seconds > 0 ? events / seconds : 0;
  }

  /**
   * Polls {@code counter} until it reaches {@code target} (or the timeout) and times the span from
   * the first poll that saw it move; if it moved only once, the span from the start.
   */
  static AloneRate measure(Counter counter, long target, Duration timeout) throws Exception {
    long start = System.nanoTime();
    long base = counter.count();
    long firstAt = start;
    long first = base;
    long count = base;
    while (count < target && System.nanoTime() - start < timeout.toNanos()) {
      Thread.sleep(POLL_MS);
      long previous = count;
      count = counter.count();
      if (previous == base && count > base && count < target) {
        firstAt = System.nanoTime();
        first = count;
      }
    }
    return new AloneRate(count - first, (System.nanoTime() - firstAt) / 1e9, count >= target);
  }
}
