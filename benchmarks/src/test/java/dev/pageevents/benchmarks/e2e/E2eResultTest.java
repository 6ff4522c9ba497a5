package dev.pageevents.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pageevents.benchmarks.e2e.LagMonitor.Sample;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class E2eResultTest {
  private static final Map<String, AloneRate> ALONE =
      Map.of(
          E2eReport.SOURCE,
          new AloneRate(300_000, 1, true),
          "neo4j",
          new AloneRate(20_000, 10, true),
          "redis",
          new AloneRate(60_000, 10, true));

  /** A hold of 30 s at {@code rate} in which the source produced {@code produced} events/s. */
  private static ProbeResult hold(double rate, double produced) {
    List<Sample> samples =
        IntStream.rangeClosed(0, 30)
            .mapToObj(t -> new Sample(t, (long) (t * produced), Map.of("neo4j", 100L)))
            .toList();
    return ProbeResult.of("hold", rate, 30, samples, 0, 0);
  }

  private static E2eResult result(ProbeResult hold, Map<String, AloneRate> alone) {
    return new E2eResult(List.of(), Optional.of(hold), Map.of(), alone, Map.of(), 0);
  }

  @Test
  void shouldRateTheHeldRateAgainstTheBoundOfEveryPartAlone() {
    E2eResult result = result(hold(1200, 1200), ALONE);

    double bound = 1 / (1 / 300e3 + 1 / 2e3 + 1 / 6e3);
    assertThat(result.bound().getAsDouble()).isCloseTo(bound, within(1e-6));
    assertThat(result.goalRatio().orElseThrow()).isCloseTo(1200 / bound, within(1e-9));
  }

  @Test
  void shouldHaveNoRatioWhenTheHoldDidNotKeepUp() {
    E2eResult result = result(hold(1200, 600), ALONE);

    assertThat(result.sustained()).isEmpty();
    assertThat(result.goalRatio()).isEmpty();
  }

  @Test
  void shouldHaveNoBoundWhenAPartWasNotMeasured() {
    E2eResult result =
        result(
            hold(1200, 1200),
            Map.of("neo4j", new AloneRate(0, 0, false), "redis", ALONE.get("redis")));

    assertThat(result.bound()).isEmpty();
    assertThat(result.goalRatio()).isEmpty();
  }
}
