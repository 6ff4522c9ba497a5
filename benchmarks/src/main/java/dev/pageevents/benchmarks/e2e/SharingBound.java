package dev.pageevents.benchmarks.e2e;

import java.util.Collection;
import java.util.OptionalDouble;

/**
 * The end-to-end rate perfect sharing of one machine would give: when part i alone runs at rᵢ
 * events/s, each event costs Σ 1/rᵢ seconds of the machine, so the pipeline of all parts can run at
 * most 1/Σ(1/rᵢ) events/s.
 */
final class SharingBound {
  private SharingBound() {}

  /** 1/Σ(1/rᵢ), or empty when there is no rate or one is not positive (not measured). */
  static OptionalDouble of(Collection<Double> rates) {
    if (rates.isEmpty() || rates.stream().anyMatch(rate -> !(rate > 0))) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(1 / rates.stream().mapToDouble(rate -> 1 / rate).sum());
  }

  /** The part's share of each event's machine time: (1/r) ÷ Σ(1/rᵢ) = bound ÷ r. */
  static double share(double bound, double rate) {
    return bound / rate;
  }
}
