package dev.pageevents.pipeline.progress;

import dev.pageevents.pipeline.progress.Progress.PartitionLag;
import dev.pageevents.pipeline.progress.Progress.SinkProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * Finds a sink that has stopped on some partition: records left there and its committed offset
 * unchanged for a whole limit. A slow sink still commits now and then; a failover pauses commits
 * for well under a minute here; a consumer that stopped fetching a partition never commits it
 * again, and waiting for a catch-up timeout only delays the report. Partitions are watched one by
 * one, so a partition stuck while the sink's others move on is seen as soon as it is stuck. The
 * clock starts at a sink's first commit: its first batch can take minutes on a loaded machine
 * (Neo4j's took one with the load average at 12).
 */
public final class StallWatch {
  private final long limitNanos;
  private final Map<String, Map<TopicPartition, Seen>> seen = new HashMap<>();

  /** A partition's committed offset and since when it has been that while behind. */
  private record Seen(long committed, long sinceNanos) {}

  public StallWatch(Duration limit) {
    this.limitNanos = limit.toNanos();
  }

  /**
   * Takes a snapshot read at {@code nowNanos} and answers the first sink with a partition that has
   * had records left and the same committed offset for the whole limit, its {@link
   * SinkProgress#behind()} narrowed to those partitions.
   */
  public Optional<SinkProgress> stalled(Progress.Snapshot snapshot, long nowNanos) {
    SinkProgress found = null;
    for (SinkProgress sink : snapshot.sinks().values()) {
      Map<TopicPartition, Seen> before = seen.getOrDefault(sink.connector(), Map.of());
      Map<TopicPartition, Seen> now = new HashMap<>();
      List<PartitionLag> stuck = new ArrayList<>();
      if (sink.committed() > 0) {
        for (PartitionLag lag : sink.behind()) {
          Seen last = before.get(lag.partition());
          Seen current =
              last != null && last.committed() == lag.committed()
                  ? last
                  : new Seen(lag.committed(), nowNanos);
          now.put(lag.partition(), current);
          if (nowNanos - current.sinceNanos() >= limitNanos) {
            stuck.add(lag);
          }
        }
      }
      seen.put(sink.connector(), now);
      if (found == null && !stuck.isEmpty()) {
        found = new SinkProgress(sink.connector(), sink.committed(), sink.lag(), stuck);
      }
    }
    return Optional.ofNullable(found);
  }
}
