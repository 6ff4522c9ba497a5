package dev.pageevents.source.generator;

import dev.pageevents.core.event.PageEvent;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes the page event with a given sequence number of one task: a pure function of (seed, task,
 * sequence), so a restarted task or a second run with the same seed makes the very same events.
 */
public final class EventGenerator {
  private final GeneratorSettings settings;
  private final int taskIndex;
  private final int taskCount;
  private final String idPrefix;
  private final List<String> pages;
  private final double[] cumulative;

  public EventGenerator(GeneratorSettings settings, int taskIndex, int taskCount) {
    this.settings = settings;
    this.taskIndex = taskIndex;
    this.taskCount = taskCount;
    this.idPrefix = "gen-" + settings.seed() + "-" + taskIndex + "-";
    this.pages = settings.pages();
    this.cumulative =
        settings.zipfExponent() > 0 ? zipfCdf(pages.size(), settings.zipfExponent()) : null;
  }

  /**
   * The event number {@code sequence} of this task; {@code wallClockMs} is used without a simulated
   * clock.
   */
  public PageEvent event(long sequence, long wallClockMs) {
    SplittableRandom random = new SplittableRandom(mix(settings.seed(), taskIndex, sequence));
    String page = pages.get(pickPage(random));
    String user = "user-" + (1 + random.nextInt(settings.users()));
    long duration =
        Math.round(
            settings.durationMedianMs()
                * Math.exp(settings.durationSpread() * random.nextGaussian()));
    return new PageEvent(
        idPrefix + sequence, page, user, timestamp(sequence, wallClockMs), duration);
  }

  private long timestamp(long sequence, long wallClockMs) {
    if (settings.startTimeMs() == GeneratorSettings.WALL_CLOCK) {
      return wallClockMs;
    }
    long connectorSequence = sequence * taskCount + taskIndex;
    return settings.startTimeMs() + connectorSequence * settings.timeStepMs();
  }

  private int pickPage(SplittableRandom random) {
    if (cumulative == null) {
      return random.nextInt(pages.size());
    }
    double u = random.nextDouble();
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] < u) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** Cumulative probabilities of zipf ranks 1..n: rank k has weight 1/k^s. */
  static double[] zipfCdf(int n, double exponent) {
    double[] cdf = new double[n];
    double sum = 0;
    for (int k = 1; k <= n; k++) {
      sum += 1.0 / Math.pow(k, exponent);
      cdf[k - 1] = sum;
    }
    for (int i = 0; i < n; i++) {
      cdf[i] /= sum;
    }
    cdf[n - 1] = 1.0;
    return cdf;
  }

  /** A well-spread 64-bit seed from the three coordinates of an event (splitmix64 finaliser). */
  static long mix(long seed, int task, long sequence) {
    long h = seed * 0x9E3779B97F4A7C15L + task;
    h = finalise(h) ^ (sequence * 0xC2B2AE3D27D4EB4FL);
    return finalise(h);
  }

  private static long finalise(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
