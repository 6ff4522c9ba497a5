package dev.pageevents.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class AloneRateTest {

  /** A counter that answers the given counts in turn, then keeps the last. */
  private static AloneRate.Counter counts(Long... counts) {
    Deque<Long> left = new ArrayDeque<>(List.of(counts));
    return () -> left.size() > 1 ? left.poll() : left.peek();
  }

  @Test
  void shouldCountFromTheFirstProgressNotFromTheStart() throws Exception {
    AloneRate rate =
        AloneRate.measure(
            counts(0L, 0L, 0L, 1_000L, 2_000L, 5_000L), 5_000, Duration.ofSeconds(10));

    assertThat(rate.complete()).isTrue();
    assertThat(rate.events()).isEqualTo(4_000);
    assertThat(rate.seconds()).isPositive();
  }

  @Test
  void shouldCountEverythingFromTheStartWhenTheTargetCameInOneStep() throws Exception {
    AloneRate rate = AloneRate.measure(counts(100L, 100L, 600L), 600, Duration.ofSeconds(10));

    assertThat(rate.complete()).isTrue();
    assertThat(rate.events()).isEqualTo(500);
  }

  @Test
  void shouldReportAnIncompleteSpanAtTheTimeout() throws Exception {
    AloneRate rate = AloneRate.measure(counts(0L, 10L, 20L), 1_000, Duration.ofMillis(300));

    assertThat(rate.complete()).isFalse();
    assertThat(rate.events()).isEqualTo(10);
  }

  @Test
  void shouldRateZeroWhenNothingWasTimed() {
    assertThat(new AloneRate(0, 0, false).rate()).isZero();
    assertThat(new AloneRate(5_000, 2, true).rate()).isEqualTo(2_500);
  }
}
