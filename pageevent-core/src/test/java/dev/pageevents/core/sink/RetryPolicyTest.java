package dev.pageevents.core.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy = new RetryPolicy(10, 100, 1_000);

  @Test
  void shouldDoubleTheCeilingWithEachRetryUpToTheMaximum() {
    assertThat(policy.backoffMs(0, () -> 1.0)).isEqualTo(100);
    assertThat(policy.backoffMs(1, () -> 1.0)).isEqualTo(200);
    assertThat(policy.backoffMs(3, () -> 1.0)).isEqualTo(800);
    assertThat(policy.backoffMs(4, () -> 1.0)).isEqualTo(1_000);
    assertThat(policy.backoffMs(200, () -> 1.0)).isEqualTo(1_000);
  }

  @Test
  void shouldJitterBetweenHalfAndAllOfTheCeiling() {
    assertThat(policy.backoffMs(2, () -> 0.0)).isEqualTo(200);
    assertThat(policy.backoffMs(2, () -> 0.5)).isEqualTo(300);
  }

  @Test
  void shouldRejectInconsistentSettings() {
    assertThatThrownBy(() -> new RetryPolicy(-1, 100, 1_000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(1, 2_000, 1_000))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
