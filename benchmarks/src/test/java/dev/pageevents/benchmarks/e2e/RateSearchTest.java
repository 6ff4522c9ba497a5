package dev.pageevents.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

class RateSearchTest {

  /** Runs the search against a system that keeps up exactly up to {@code keepsUp}. */
  private static List<Double> probes(RateSearch search, DoublePredicate keepsUp) {
    List<Double> rates = new ArrayList<>();
    OptionalDouble next;
    while ((next = search.next()).isPresent()) {
      rates.add(next.getAsDouble());
      search.record(next.getAsDouble(), keepsUp.test(next.getAsDouble()));
    }
    return rates;
  }

  @Test
  void shouldStepUpByHalfUntilAFailureThenBisectOnce() {
    RateSearch search = new RateSearch(1000, 1, 10);

    assertThat(probes(search, rate -> rate <= 2000))
        .containsExactly(1000.0, 1500.0, 2250.0, 1875.0);
    assertThat(search.best()).hasValue(1875.0);
  }

  @Test
  void shouldHalveWhileNothingKeepsUpThenBisectBetween() {
    RateSearch search = new RateSearch(1000, 2, 10);

    assertThat(probes(search, rate -> rate <= 600))
        .containsExactly(1000.0, 1000.0, 500.0, 750.0, 625.0);
    assertThat(search.best()).hasValue(500.0);
  }

  @Test
  void shouldProbeAColdFirstFailureAgainAndClimbWhenTheWarmStoresKeepUp() {
    RateSearch search = new RateSearch(1000, 1, 10);
    List<Boolean> outcomes = new ArrayList<>(List.of(false)); // the first probe, cold, falls behind

    List<Double> rates =
        probes(search, rate -> outcomes.isEmpty() ? rate <= 2000 : outcomes.remove(0));

    assertThat(rates).containsExactly(1000.0, 1000.0, 1500.0, 2250.0, 1875.0);
    assertThat(search.best()).hasValue(1875.0);
  }

  @Test
  void shouldStopAtTheProbeLimitAndWhenNothingEverKeepsUp() {
    RateSearch limited = new RateSearch(1000, 1, 2);
    assertThat(probes(limited, rate -> true)).containsExactly(1000.0, 1500.0);
    assertThat(limited.best()).hasValue(1500.0);

    RateSearch hopeless = new RateSearch(200, 1, 10);
    assertThat(probes(hopeless, rate -> false)).containsExactly(200.0, 200.0, 100.0, 50.0);
    assertThat(hopeless.best()).isEmpty();
  }
}
