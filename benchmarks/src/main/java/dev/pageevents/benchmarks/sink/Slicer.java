package dev.pageevents.benchmarks.sink;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a long run into equal slices of its events from progress samples (events done so far, when,
 * a process's RSS then), and judges whether it stayed flat: the last slice's rate over the first's
 * and the RSS trend. A slice boundary falling between two samples gets its time by linear
 * interpolation, so one coarse sample that crosses several boundaries still closes every slice with
 * its own rate. The clock starts at the first sample with progress (connector start-up is not in
 * the first slice; its JIT warm-up is), so the first sample with progress must fall inside the
 * first slice.
 */
final class Slicer {
  /**
   * One closed slice: its 1-based number, the events done at its end, the events and seconds it
   * spans, and the RSS sampled when it was closed (-1 when not sampled).
   */
  record Slice(int number, long endEvents, long events, double seconds, long rssMb) {
    double rate() {
      return events / seconds;
    }
  }

  private final long total;
  private final int count;
  private final List<Slice> closed = new ArrayList<>();
  private long lastDone = -1;
  private long lastNanos;
  private long sliceStartDone;
  private double sliceStartNanos;

  /** Slices of {@code total / count} events each (the last takes the remainder). */
  Slicer(long total, int count) {
    if (total < count || count < 1) {
      throw new IllegalArgumentException(count + " slices of " + total + " events");
    }
    this.total = total;
    this.count = count;
  }

  /** The event count at which slice {@code number} (1-based) ends. */
  long boundary(int number) {
    return total * number / count;
  }

  /**
   * Feeds one sample: {@code done} events at {@code nanos} (System.nanoTime), {@code rssMb} then.
   * Returns the slices this sample closed (none, one or several), in order.
   */
  List<Slice> offer(long done, long nanos, long rssMb) {
    List<Slice> now = new ArrayList<>();
    if (lastDone < 0) {
      if (done >= boundary(1)) {
        throw new IllegalStateException(
            "The first progress sample ("
                + done
                + " events) already passed slice 1: run more events");
      }
      if (done > 0) {
        lastDone = done;
        lastNanos = nanos;
        sliceStartDone = done;
        sliceStartNanos = nanos;
      }
      return now;
    }
    while (!finished() && done >= boundary(closed.size() + 1) && done > lastDone) {
      long end = boundary(closed.size() + 1);
      double endNanos =
          lastNanos + (nanos - lastNanos) * (double) (end - lastDone) / (done - lastDone);
      Slice slice =
          new Slice(
              closed.size() + 1,
              end,
              end - sliceStartDone,
              (endNanos - sliceStartNanos) / 1e9,
              rssMb);
      closed.add(slice);
      now.add(slice);
      sliceStartDone = end;
      sliceStartNanos = endNanos;
    }
    lastDone = Math.max(lastDone, done);
    lastNanos = nanos;
    return now;
  }

  boolean finished() {
    return closed.size() == count;
  }

  List<Slice> slices() {
    return List.copyOf(closed);
  }

  /** Rate of slice {@code to} over slice {@code from} (1-based numbers). */
  static double ratio(List<Slice> slices, int to, int from) {
    return slices.get(to - 1).rate() / slices.get(from - 1).rate();
  }

  /**
   * Least-squares slope of RSS (MB) over events done (millions), through the slices after the first
   * (the first holds heap growth to its working size and JIT warm-up): MB per million events.
   */
  static double rssSlopeMbPerMillion(List<Slice> slices) {
    List<Slice> steady = slices.subList(1, slices.size());
    if (steady.size() < 2) {
      throw new IllegalArgumentException("A trend needs at least 3 slices");
    }
    double meanX = steady.stream().mapToDouble(s -> s.endEvents() / 1e6).average().orElseThrow();
    double meanY = steady.stream().mapToDouble(Slice::rssMb).average().orElseThrow();
    double covariance = 0;
    double variance = 0;
    for (Slice slice : steady) {
      double dx = slice.endEvents() / 1e6 - meanX;
      covariance += dx * (slice.rssMb() - meanY);
      variance += dx * dx;
    }
    return covariance / variance;
  }
}
