package dev.pageevents.benchmarks.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

class ScaleResultTest {
  private static final long SLICE = 500_000;

  /** Ten slices of 500,000 events, 10 s each but the first ({@code firstSeconds}). */
  private static List<Slicer.Slice> slices(double firstSeconds, IntToLongFunction rss) {
    List<Slicer.Slice> slices = new ArrayList<>();
    for (int number = 1; number <= 10; number++) {
      slices.add(
          new Slicer.Slice(
              number,
              number * SLICE,
              SLICE,
              number == 1 ? firstSeconds : 10,
              rss.applyAsLong(number)));
    }
    return slices;
  }

  @Test
  void shouldPassAFlatRunWhoseStoreHoldsEveryEvent() {
    ScaleResult result =
        new ScaleResult("redis", 10 * SLICE, 10 * SLICE, slices(12, number -> 1000 + number % 3));

    assertThat(result.verdict()).isEqualTo("pass");
    assertThat(result.lastOverFirst()).isCloseTo(1.2, within(1e-9));
  }

  @Test
  void shouldFailASlowLastSliceAGrowingRssAndAMissingEvent() {
    ScaleResult result =
        new ScaleResult(
            "redis", 10 * SLICE, 10 * SLICE - 1, slices(7, number -> 1000 + 10L * number));

    assertThat(result.verdict())
        .startsWith("FAIL: ")
        .contains("last ÷ first 0.70")
        .contains("RSS grows 90 MB over slices 2-10 (20.0 MB per million events)")
        .contains("store holds 4,999,999 of 5,000,000 events");
  }
}
