package dev.pageevents.pipeline.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.pipeline.progress.Progress.PartitionLag;
import dev.pageevents.pipeline.progress.Progress.SinkProgress;
import dev.pageevents.pipeline.progress.Progress.Snapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class StallWatchTest {
  private static final long SECOND = 1_000_000_000L;
  private static final TopicPartition P2 = new TopicPartition("page-events", 2);

  private final StallWatch watch = new StallWatch(Duration.ofSeconds(300));

  private static Snapshot snapshot(long mongoCommitted, long redisCommitted, long end) {
    return new Snapshot(
        end,
        Map.of(
            "mongo-sink", sink("mongo-sink", mongoCommitted, end),
            "redis-cache-sink", sink("redis-cache-sink", redisCommitted, end)));
  }

  private static SinkProgress sink(String name, long committed, long end) {
    List<PartitionLag> behind =
        committed < end ? List.of(new PartitionLag(P2, committed, end)) : List.of();
    return new SinkProgress(name, committed, end - committed, behind);
  }

  @Test
  void shouldNameASinkWhoseOffsetsStayedTheSameForTheWholeLimitWhileBehind() {
    assertThat(watch.stalled(snapshot(6_280, 6_280, 9_344), 0)).isEmpty();
    assertThat(watch.stalled(snapshot(6_280, 8_000, 9_344), 299 * SECOND)).isEmpty();

    assertThat(watch.stalled(snapshot(6_280, 9_000, 9_344), 300 * SECOND))
        .hasValueSatisfying(
            sink -> {
              assertThat(sink.connector()).isEqualTo("mongo-sink");
              assertThat(sink.describeBehind()).isEqualTo("page-events-2 at 6,280 of 9,344");
            });
  }

  @Test
  void shouldRestartTheClockWhenTheOffsetsMove() {
    watch.stalled(snapshot(100, 9_344, 9_344), 0);
    watch.stalled(snapshot(101, 9_344, 9_344), 200 * SECOND);

    assertThat(watch.stalled(snapshot(101, 9_344, 9_344), 499 * SECOND)).isEmpty();
    assertThat(watch.stalled(snapshot(101, 9_344, 9_344), 500 * SECOND)).isPresent();
  }

  @Test
  void shouldStartTheClockAtTheFirstCommit() {
    watch.stalled(snapshot(0, 9_344, 9_344), 0);
    assertThat(watch.stalled(snapshot(0, 9_344, 9_344), 600 * SECOND)).isEmpty();

    watch.stalled(snapshot(1_000, 9_344, 9_344), 601 * SECOND);
    assertThat(watch.stalled(snapshot(1_000, 9_344, 9_344), 901 * SECOND)).isPresent();
  }

  @Test
  void shouldNotCountTimeWithNothingLeftToWrite() {
    watch.stalled(snapshot(9_344, 9_344, 9_344), 0);
    watch.stalled(snapshot(9_344, 9_344, 9_344), 400 * SECOND);

    // the topic grew: the sink has been behind since it was seen behind, not for 400 s
    assertThat(watch.stalled(snapshot(9_344, 9_344, 9_400), 401 * SECOND)).isEmpty();
    assertThat(watch.stalled(snapshot(9_344, 9_400, 9_400), 700 * SECOND)).isEmpty();
    assertThat(watch.stalled(snapshot(9_344, 9_400, 9_400), 701 * SECOND)).isPresent();
  }

  @Test
  void shouldNameAPartitionStuckWhileTheSinksOtherPartitionsMoveOn() {
    TopicPartition p0 = new TopicPartition("page-events", 0);
    for (long second = 0; second <= 300; second += 100) {
      long p0At = 1_000 + second; // partition 0 moves on, partition 2 does not
      SinkProgress mongo =
          new SinkProgress(
              "mongo-sink",
              p0At + 6_280,
              (9_344 - p0At) + (9_344 - 6_280),
              List.of(new PartitionLag(p0, p0At, 9_344), new PartitionLag(P2, 6_280, 9_344)));
      var stalled =
          watch.stalled(new Snapshot(2 * 9_344, Map.of("mongo-sink", mongo)), second * SECOND);

      if (second < 300) {
        assertThat(stalled).isEmpty();
      } else {
        assertThat(stalled)
            .hasValueSatisfying(
                sink ->
                    assertThat(sink.describeBehind()).isEqualTo("page-events-2 at 6,280 of 9,344"));
      }
    }
  }
}
