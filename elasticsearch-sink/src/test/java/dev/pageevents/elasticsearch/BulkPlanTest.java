package dev.pageevents.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkPlanTest {

  private static long[] sizes(int count, long each) {
    long[] sizes = new long[count];
    Arrays.fill(sizes, each);
    return sizes;
  }

  @Test
  void shouldSpreadABatchOverTheInFlightRequests() {
    List<BulkPlan.Slice> slices = new BulkPlan(500, 1 << 20, 2, 50).split(sizes(500, 100));

    assertThat(slices).containsExactly(new BulkPlan.Slice(0, 250), new BulkPlan.Slice(250, 500));
  }

  @Test
  void shouldCapRequestsAtMaxActions() {
    List<BulkPlan.Slice> slices = new BulkPlan(500, 1 << 20, 2, 50).split(sizes(2000, 100));

    assertThat(slices).hasSize(4).allMatch(s -> s.size() == 500);
  }

  @Test
  void shouldCapRequestsAtMaxBytes() {
    List<BulkPlan.Slice> slices = new BulkPlan(500, 1000, 2, 1).split(sizes(10, 300));

    assertThat(slices).extracting(BulkPlan.Slice::size).containsExactly(3, 3, 3, 1);
  }

  @Test
  void shouldNotSplitSmallBatches() {
    assertThat(new BulkPlan(500, 1 << 20, 4, 50).split(sizes(30, 100)))
        .containsExactly(new BulkPlan.Slice(0, 30));
  }

  @Test
  void shouldSendAnOversizedDocumentAlone() {
    long[] sizes = {100, 5000, 100};

    assertThat(new BulkPlan(500, 1000, 1, 1).split(sizes))
        .containsExactly(
            new BulkPlan.Slice(0, 1), new BulkPlan.Slice(1, 2), new BulkPlan.Slice(2, 3));
  }

  @Test
  void shouldCoverEveryDocumentExactlyOnceInOrder() {
    List<BulkPlan.Slice> slices = new BulkPlan(7, 900, 3, 2).split(sizes(101, 100));

    int next = 0;
    for (BulkPlan.Slice slice : slices) {
      assertThat(slice.from()).isEqualTo(next);
      assertThat(slice.size()).isBetween(1, 7);
      next = slice.to();
    }
    assertThat(next).isEqualTo(101);
  }

  @Test
  void shouldReturnNothingForAnEmptyBatch() {
    assertThat(new BulkPlan(5, 100, 2, 1).split(new long[0])).isEmpty();
  }
}
