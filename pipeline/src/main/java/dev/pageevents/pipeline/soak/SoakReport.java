package dev.pageevents.pipeline.soak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The soak's samples and verdicts: worker RSS every sample interval with its linear trend after a
 * warm-up, and each sink's lag, bounded when it stays under a limit over the last third of the run.
 */
public final class SoakReport {
  /** The first part of the run, left out of the RSS trend (heap and caches still grow into it). */
  static final double WARM_UP_FRACTION = 0.2;

  /**
   * RSS growth per minute, as a share of the mean RSS, still counted as no trend (5% in 10 min).
   */
  static final double FLAT_SHARE_PER_MINUTE = 0.005;

  /** One sample: minutes since the stream started, worker RSS in MiB, each sink's lag. */
  public record Sample(double minute, double rssMib, Map<String, Long> lag) {}

  private final List<Sample> samples = new ArrayList<>();
  private final long lagLimit;

  /**
   * @param lagLimit the most records a sink may lag behind in the last third and still be bounded
   */
  public SoakReport(long lagLimit) {
    this.lagLimit = lagLimit;
  }

  public void add(Sample sample) {
    samples.add(sample);
  }

  public List<Sample> samples() {
    return List.copyOf(samples);
  }

  /** The RSS trend (MiB per minute) over the samples after the warm-up. */
  public Trend rssTrend() {
    return Trend.fit(
        afterWarmUp().stream().map(s -> new double[] {s.minute(), s.rssMib()}).toList());
  }

  public double meanRssMib() {
    return afterWarmUp().stream().mapToDouble(Sample::rssMib).average().orElse(0);
  }

  /** True when RSS grows by less than {@link #FLAT_SHARE_PER_MINUTE} of its mean per minute. */
  public boolean rssFlat() {
    return rssTrend().slope() < FLAT_SHARE_PER_MINUTE * meanRssMib();
  }

  /** Each sink's highest lag over the whole run. */
  public Map<String, Long> maxLag() {
    return maxLag(samples);
  }

  /** Each sink's highest lag over the last third of the run. */
  public Map<String, Long> maxLagLastThird() {
    return maxLag(samples.subList(samples.size() * 2 / 3, samples.size()));
  }

  /** True when no sink lagged more than the limit over the last third of the run. */
  public boolean lagBounded() {
    return maxLagLastThird().values().stream().allMatch(lag -> lag <= lagLimit);
  }

  public long lagLimit() {
    return lagLimit;
  }

  private List<Sample> afterWarmUp() {
    double end = samples.get(samples.size() - 1).minute();
    List<Sample> kept = samples.stream().filter(s -> s.minute() >= end * WARM_UP_FRACTION).toList();
    return kept.size() >= 2 ? kept : samples;
  }

  private static Map<String, Long> maxLag(List<Sample> window) {
    Map<String, Long> max = new LinkedHashMap<>();
    window.forEach(s -> s.lag().forEach((sink, lag) -> max.merge(sink, lag, Math::max)));
    return max;
  }
}
