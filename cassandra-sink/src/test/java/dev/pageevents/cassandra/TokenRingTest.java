package dev.pageevents.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenRingTest {
  private static final String MIN = Long.toString(Long.MIN_VALUE);
  private static final String MAX = Long.toString(Long.MAX_VALUE);

  @Test
  void shouldCountTheUpperHalfOfTheRingAsOneHalf() {
    assertThat(TokenRing.share(List.of(new TokenRing.Range("0", MAX))))
        .isCloseTo(0.5, within(1e-9));
  }

  @Test
  void shouldAddAWrappingRangeAcrossTheRingsEnd() {
    // from 2^62 up to the end, then from the start up to -2^62: a quarter plus a quarter
    String quarter = Long.toString(1L << 62);
    String minusQuarter = Long.toString(-(1L << 62));
    assertThat(TokenRing.share(List.of(new TokenRing.Range(quarter, minusQuarter))))
        .isCloseTo(0.5, within(1e-9));
  }

  @Test
  void shouldCountARangeWithEqualEndsAsTheWholeRing() {
    assertThat(TokenRing.share(List.of(new TokenRing.Range(MIN, MIN))))
        .isCloseTo(1.0, within(1e-9));
  }

  @Test
  void shouldSumSeveralRanges() {
    List<TokenRing.Range> ranges =
        List.of(new TokenRing.Range(MIN, "0"), new TokenRing.Range("0", Long.toString(1L << 62)));
    assertThat(TokenRing.share(ranges)).isCloseTo(0.75, within(1e-9));
  }

  @Test
  void shouldBeZeroForNoRanges() {
    assertThat(TokenRing.share(List.of())).isZero();
  }
}
