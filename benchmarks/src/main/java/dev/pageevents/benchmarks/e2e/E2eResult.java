package dev.pageevents.benchmarks.e2e;

import dev.pageevents.benchmarks.e2e.LagMonitor.Drain;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What one end-to-end run found: every probe, the hold at the highest rate that kept up, each
 * sink's drain of the burst backlog, the store content checks, the limiting sink's single-sink rate
 * and the worker's peak RSS.
 *
 * @param single the limiting sink's own rate alone and where it came from, if there is one
 */
record E2eResult(
    List<ProbeResult> probes,
    Optional<ProbeResult> hold,
    Map<String, Drain> drains,
    Map<String, String> storeChecks,
    Optional<SingleRate> single,
    long workerPeakRssMb) {

  /** A sink's rate when it runs alone, measured on a pre-filled backlog or given. */
  record SingleRate(String sink, double rate, String how) {}

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

  /** The goal ratio: the sustained rate ÷ the limiting sink's single-sink rate. */
  Optional<Double> goalRatio() {
    return sustained().flatMap(rate -> single.map(s -> rate / s.rate()));
  }

  List<ProbeResult> allWindows() {
    return hold.map(h -> Stream.concat(probes.stream(), Stream.of(h)))
        .orElseGet(probes::stream)
        .toList();
  }
}
