package dev.pageevents.benchmarks.e2e;

import dev.pageevents.benchmarks.e2e.LagMonitor.Drain;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * What one end-to-end run found: every probe, the hold at the highest rate that kept up, each
 * sink's drain of the burst backlog, each part's rate alone, the store content checks and the
 * worker's peak RSS.
 *
 * @param alone the source's and each sink's rate alone in this run, source first
 */
record E2eResult(
    List<ProbeResult> probes,
    Optional<ProbeResult> hold,
    Map<String, Drain> drains,
    Map<String, AloneRate> alone,
    Map<String, String> storeChecks,
    long workerPeakRssMb) {

  /** The highest rate the hold confirmed, if it did. */
  Optional<Double> sustained() {
    return hold.filter(ProbeResult::keptUp).map(ProbeResult::target);
  }

  /** What limited the rate: the limiting party of the lowest-rate window that did not keep up. */
  Optional<String> limitedBy() {
    return allWindows().stream()
        .filter(p -> !p.keptUp())
        .min(Comparator.comparingDouble(ProbeResult::target))
        .flatMap(ProbeResult::limitedBy);
  }

  /** 1/Σ(1/rᵢ) over the source's and every sink's rate alone. */
  OptionalDouble bound() {
    return SharingBound.of(alone.values().stream().map(AloneRate::rate).toList());
  }

  /** The goal ratio: the sustained rate ÷ the bound (goal ≥ 0.8). */
  Optional<Double> goalRatio() {
    OptionalDouble bound = bound();
    return bound.isPresent()
        ? sustained().map(rate -> rate / bound.getAsDouble())
        : Optional.empty();
  }

  List<ProbeResult> allWindows() {
    return hold.map(h -> Stream.concat(probes.stream(), Stream.of(h)))
        .orElseGet(probes::stream)
        .toList();
  }
}
