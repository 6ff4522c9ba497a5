package dev.pageevents.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SharingBoundTest {

  @Test
  void shouldBeTheReciprocalOfTheSummedCostPerEvent() {
    // 1/400k + 1/10k + 1/5k + 1/8k + 1/20k + 1/4k s per event = 0.0007275 s: 1,374.6 events/s
    OptionalDouble bound =
        SharingBound.of(List.of(400_000.0, 10_000.0, 5_000.0, 8_000.0, 20_000.0, 4_000.0));

    assertThat(bound.getAsDouble()).isCloseTo(1 / 0.0007275, within(0.01));
  }

  @Test
  void shouldHalveTheRateOfTwoEqualParts() {
    assertThat(SharingBound.of(List.of(3000.0, 3000.0))).hasValue(1500.0);
  }

  @Test
  void shouldBeTheRateItselfForOnePart() {
    assertThat(SharingBound.of(List.of(7153.0))).hasValue(7153.0);
  }

  @Test
  void shouldBeEmptyWhenARateIsMissingOrZero() {
    assertThat(SharingBound.of(List.of())).isEmpty();
    assertThat(SharingBound.of(List.of(5000.0, 0.0))).isEmpty();
    assertThat(SharingBound.of(List.of(5000.0, Double.NaN))).isEmpty();
  }

  @Test
  void shouldGiveEachPartItsShareOfTheMachineTimeSummingToOne() {
    List<Double> rates = List.of(1000.0, 3000.0);
    double bound = SharingBound.of(rates).getAsDouble();

    assertThat(SharingBound.share(bound, 1000.0)).isCloseTo(0.75, within(1e-9));
    assertThat(SharingBound.share(bound, 3000.0)).isCloseTo(0.25, within(1e-9));
  }
}
