package dev.pageevents.pipeline.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrendTest {
  @Test
  void shouldFindTheSlopeOfPointsOnALine() {
    Trend trend =
        Trend.fit(List.of(new double[] {0, 100}, new double[] {1, 102}, new double[] {2, 104}));

    assertThat(trend.slope()).isCloseTo(2.0, within(1e-9));
    assertThat(trend.at(3)).isCloseTo(106.0, within(1e-9));
    assertThat(trend.r2()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void shouldFindNoSlopeInNoiseAroundAFlatLine() {
    Trend trend =
        Trend.fit(
            List.of(
                new double[] {0, 400},
                new double[] {1, 410},
                new double[] {2, 400},
                new double[] {3, 410}));

    assertThat(trend.slope()).isCloseTo(2.0, within(1e-9));
    assertThat(trend.r2()).isLessThan(0.5);
  }

  @Test
  void shouldRefuseFewerThanTwoDistinctPoints() {
    assertThatThrownBy(() -> Trend.fit(List.of(new double[] {1, 1})))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Trend.fit(List.of(new double[] {1, 1}, new double[] {1, 2})))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
