package dev.pageevents.benchmarks.e2e;

import dev.pageevents.benchmarks.e2e.LagMonitor.Sample;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One window at one target rate and whether everything kept up: the source produced at least 90% of
 * the rate, and no sink's lag grew: its lag at the end is at most 2 s worth of events or its lag
 * after the first 10 s (a third of shorter windows), whichever is larger.
 */
record ProbeResult(
    String phase,
    double target,
    double seconds,
    double producedRate,
    Map<String, SinkLag> sinks,
    long peakRssMb,
    double load) {

  static final double SOURCE_SHARE = 0.9;
  static final double ALLOWED_SECONDS = 2;
  static final double SLACK_SECONDS = 1;
  static final double BASELINE_SECONDS = 10;
  static final double DIVERGED_SECONDS = 10;

  /**
   * One sink in the window: its lag after the baseline time, at the end and at most; records per
   * second it committed; whether its lag stayed bounded; by how much it exceeded the bound.
   */
  record SinkLag(
      long baseline, long end, long max, double consumedRate, boolean keptUp, long excess) {}

  static ProbeResult of(
      String phase,
      double target,
      double windowSeconds,
      List<Sample> samples,
      long peakRssMb,
      double load) {
    Sample first = samples.get(0);
    Sample last = samples.get(samples.size() - 1);
    double seconds = last.seconds() - first.seconds();
    Map<String, SinkLag> sinks = new LinkedHashMap<>();
    for (String sink : first.lags().keySet()) {
      long baseline = baseline(samples, sink, windowSeconds);
      long end = median(samples, sink, samples.size() - 1);
      long max = samples.stream().mapToLong(s -> s.lags().get(sink)).max().orElse(0);
      long committed =
          (last.produced() - last.lags().get(sink)) - (first.produced() - first.lags().get(sink));
      long bound =
          Math.max((long) (ALLOWED_SECONDS * target), baseline + (long) (SLACK_SECONDS * target));
      sinks.put(
          sink,
          new SinkLag(
              baseline,
              end,
              max,
              seconds > 0 ? committed / seconds : 0,
              end <= bound && !diverged(samples, sink, target, windowSeconds),
              Math.max(0, end - bound)));
    }
    double produced = seconds > 0 ? (last.produced() - first.produced()) / seconds : 0;
    return new ProbeResult(phase, target, seconds, produced, sinks, peakRssMb, load);
  }

  /**
   * True when the samples so far already show a sink that cannot keep up: its lag is 10 s worth of
   * events above its baseline (0 before the baseline time).
   */
  static boolean diverged(List<Sample> samples, double target, double windowSeconds) {
    return samples.get(0).lags().keySet().stream()
        .anyMatch(sink -> diverged(samples, sink, target, windowSeconds));
  }

  private static boolean diverged(
      List<Sample> samples, String sink, double target, double windowSeconds) {
    long lag = samples.get(samples.size() - 1).lags().get(sink);
    return lag > baseline(samples, sink, windowSeconds) + DIVERGED_SECONDS * target;
  }

  /** The sink's lag after the first 10 s (a third of a shorter window); 0 before that time. */
  private static long baseline(List<Sample> samples, String sink, double windowSeconds) {
    double at = Math.min(BASELINE_SECONDS, windowSeconds / 3);
    if (samples.get(samples.size() - 1).seconds() < at) {
      return 0;
    }
    return median(samples, sink, nearest(samples, at));
  }

  boolean sourceLimited() {
    return producedRate < SOURCE_SHARE * target;
  }

  boolean keptUp() {
    return !sourceLimited() && sinks.values().stream().allMatch(SinkLag::keptUp);
  }

  /** The sink whose lag grew most beyond its bound, or "source" when the source was short. */
  Optional<String> limitedBy() {
    if (sourceLimited()) {
      return Optional.of("source");
    }
    return sinks.entrySet().stream()
        .filter(e -> !e.getValue().keptUp())
        .max(Comparator.comparingLong(e -> e.getValue().excess()))
        .map(Map.Entry::getKey);
  }

  private static int nearest(List<Sample> samples, double seconds) {
    int best = 0;
    for (int i = 1; i < samples.size(); i++) {
      if (Math.abs(samples.get(i).seconds() - seconds)
          < Math.abs(samples.get(best).seconds() - seconds)) {
        best = i;
      }
    }
    return best;
  }

  /** The median lag of the sink over the sample at {@code index} and its two neighbours. */
  private static long median(List<Sample> samples, String sink, int index) {
    int from = Math.max(0, Math.min(index - 1, samples.size() - 3));
    long[] lags =
        samples.subList(from, Math.min(samples.size(), from + 3)).stream()
            .mapToLong(s -> s.lags().get(sink))
            .toArray();
    Arrays.sort(lags);
    return lags[lags.length / 2];
  }
}
