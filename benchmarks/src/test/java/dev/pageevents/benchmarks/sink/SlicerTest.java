package dev.pageevents.benchmarks.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlicerTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void shouldGiveEachSliceItsOwnRateWhenOneSampleCrossesSeveralBoundaries() {
    Slicer slicer = new Slicer(1000, 10);
    assertThat(slicer.offer(0, 0, 100)).isEmpty();
    assertThat(slicer.offer(50, 0, 100)).isEmpty(); // the clock starts here, at 50 events
    // 100 events/s until 200 events (t = 1.5 s), then one sample at 500 events, 3 s later
    List<Slicer.Slice> first = slicer.offer(200, SECOND * 3 / 2, 110);
    List<Slicer.Slice> next = slicer.offer(500, SECOND * 9 / 2, 120);

    assertThat(first).extracting(Slicer.Slice::number).containsExactly(1, 2);
    assertThat(first.get(0).events()).isEqualTo(50);
    assertThat(first.get(0).rate()).isCloseTo(100, within(1e-9));
    assertThat(next).extracting(Slicer.Slice::number).containsExactly(3, 4, 5);
    assertThat(next).allSatisfy(slice -> assertThat(slice.rate()).isCloseTo(100, within(1e-9)));
    assertThat(next).extracting(Slicer.Slice::rssMb).containsOnly(120L);
    assertThat(slicer.finished()).isFalse();
  }

  @Test
  void shouldJudgeTheLastSliceAgainstTheFirstAndTheSecond() {
    Slicer slicer = new Slicer(1000, 10);
    slicer.offer(1, 0, 100);
    long nanos = 0;
    double[] rates = {50, 100, 100, 100, 100, 100, 100, 100, 100, 80};
    for (int slice = 1; slice <= 10; slice++) {
      long events = slicer.boundary(slice) - Math.max(1, slicer.boundary(slice - 1));
      nanos += (long) (events / rates[slice - 1] * SECOND);
      slicer.offer(slicer.boundary(slice), nanos, 100);
    }

    assertThat(slicer.finished()).isTrue();
    List<Slicer.Slice> slices = slicer.slices();
    assertThat(Slicer.ratio(slices, 10, 1)).isCloseTo(1.6, within(1e-6));
    assertThat(Slicer.ratio(slices, 10, 2)).isCloseTo(0.8, within(1e-6));
  }

  @Test
  void shouldFindTheRssSlopeAfterTheFirstSliceOnly() {
    List<Slicer.Slice> slices = new ArrayList<>();
    slices.add(new Slicer.Slice(1, 1_000_000, 1_000_000, 10, 900)); // heap growing: ignored
    for (int number = 2; number <= 10; number++) {
      slices.add(new Slicer.Slice(number, number * 1_000_000L, 1_000_000, 10, 1000 + 5L * number));
    }
    List<Slicer.Slice> flat = new ArrayList<>(slices.subList(0, 1));
    for (int number = 2; number <= 10; number++) {
      flat.add(new Slicer.Slice(number, number * 1_000_000L, 1_000_000, 10, 1000 + number % 2));
    }

    assertThat(Slicer.rssSlopeMbPerMillion(slices)).isCloseTo(5, within(1e-9));
    assertThat(Slicer.rssSlopeMbPerMillion(flat)).isCloseTo(0, within(0.1));
  }

  @Test
  void shouldRefuseARunWhoseFirstSampleAlreadyPassedTheFirstSlice() {
    Slicer slicer = new Slicer(1000, 10);

    assertThatThrownBy(() -> slicer.offer(150, 0, 100))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("run more events");
  }
}
