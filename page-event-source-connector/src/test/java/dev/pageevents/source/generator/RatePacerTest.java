package dev.pageevents.source.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the pacer releases events over time. */
class RatePacerTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void shouldReleaseEventsInProportionToElapsedTime() {
    RatePacer pacer = new RatePacer(100);
    assertThat(pacer.due(0, 1000)).isEqualTo(1);
    pacer.emitted(1);
    assertThat(pacer.due(SECOND / 2, 1000)).isEqualTo(50);
    pacer.emitted(50);
    assertThat(pacer.due(SECOND / 2, 1000)).isZero();
    assertThat(pacer.millisUntilNext(SECOND / 2)).isEqualTo(10);
  }

  @Test
  void shouldNotBurstMoreThanOneSecondAfterAStall() {
    RatePacer pacer = new RatePacer(100);
    pacer.due(0, 10_000);
    pacer.emitted(1);
    assertThat(pacer.due(10 * SECOND, 10_000)).isEqualTo(100);
  }

  @Test
  void shouldReleaseTheWholeLimitWhenUnlimited() {
    assertThat(new RatePacer(0).due(0, 500)).isEqualTo(500);
  }
}
