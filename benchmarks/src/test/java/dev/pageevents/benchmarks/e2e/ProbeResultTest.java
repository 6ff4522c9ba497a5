package dev.pageevents.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.benchmarks.e2e.LagMonitor.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

class ProbeResultTest {
  private static final double RATE = 1000;

  /** One sample a second for {@code seconds}; the source at {@code produced}/s; lags by second. */
  private static List<Sample> samples(
      int seconds, double produced, IntToLongFunction steady, IntToLongFunction slow) {
    List<Sample> samples = new ArrayList<>();
    for (int t = 0; t <= seconds; t++) {
      samples.add(
          new Sample(
              t,
              (long) (t * produced),
              Map.of("steady", steady.applyAsLong(t), "slow", slow.applyAsLong(t))));
    }
    return samples;
  }

  @Test
  void shouldKeepUpWhenEveryLagStaysNearItsLevelAfterTenSeconds() {
    List<Sample> samples = samples(30, RATE, t -> 300 + (t % 2) * 500, t -> 1500 + (t % 3) * 400);

    ProbeResult result = ProbeResult.of("probe", RATE, 30, samples, 100, 1.0);

    assertThat(result.keptUp()).isTrue();
    assertThat(result.limitedBy()).isEmpty();
    assertThat(result.producedRate()).isEqualTo(RATE);
  }

  @Test
  void shouldNameTheSinkWhoseLagKeepsGrowing() {
    List<Sample> samples = samples(30, RATE, t -> 300, t -> 200L * t);

    ProbeResult result = ProbeResult.of("probe", RATE, 30, samples, 100, 1.0);

    assertThat(result.keptUp()).isFalse();
    assertThat(result.limitedBy()).hasValue("slow");
    assertThat(result.sinks().get("steady").keptUp()).isTrue();
  }

  @Test
  void shouldBlameTheSourceWhenItProducesLessThanTheTarget() {
    List<Sample> samples = samples(30, 0.8 * RATE, t -> 100, t -> 100);

    ProbeResult result = ProbeResult.of("probe", RATE, 30, samples, 100, 1.0);

    assertThat(result.sourceLimited()).isTrue();
    assertThat(result.limitedBy()).hasValue("source");
  }

  @Test
  void shouldStopEarlyOnceALagIsTenSecondsWorthAboveItsBaseline() {
    List<Sample> early = samples(8, RATE, t -> 100, t -> 1000L * t);
    List<Sample> diverging = samples(8, RATE, t -> 100, t -> 1500L * t);

    assertThat(ProbeResult.diverged(early, RATE, 30)).isFalse();
    assertThat(ProbeResult.diverged(diverging, RATE, 30)).isTrue();
    assertThat(ProbeResult.of("probe", RATE, 30, diverging, 100, 1.0).limitedBy()).hasValue("slow");
  }
}
