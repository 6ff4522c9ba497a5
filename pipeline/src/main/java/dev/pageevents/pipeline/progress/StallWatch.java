package dev.pageevents.pipeline.progress;

import dev.pageevents.pipeline.progress.Progress.SinkProgress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a sink that has stopped: records left to write and its committed offsets unchanged for a
 * whole limit. A slow sink still commits now and then; a failover pauses commits for well under a
 * minute here; a sink whose consumer stopped fetching never commits again, and waiting for a
 * catch-up timeout only delays the report. The clock starts at a sink's first commit: its first
 * batch can take minutes on a loaded machine (Neo4j's took one with the load average at 12).
 */
public final class StallWatch {
  private final long limitNanos;
  private final Map<String, Long> lastCommitted = new HashMap<>();
  private final Map<String, Long> unchangedSince = new HashMap<>();

  public StallWatch(Duration limit) {
    this.limitNanos = limit.toNanos();
  }

  /**
   * Takes a snapshot read at {@code nowNanos} and answers the first sink that has had records left
   * and the same committed offsets for the whole limit.
   */
  public Optional<SinkProgress> stalled(Progress.Snapshot snapshot, long nowNanos) {
    SinkProgress found = null;
    for (SinkProgress sink : snapshot.sinks().values()) {
      Long before = lastCommitted.put(sink.connector(), sink.committed());
      if (before == null
          || before != sink.committed()
          || sink.lag() == 0
          || sink.committed() == 0) {
        unchangedSince.put(sink.connector(), nowNanos);
      } else if (found == null && nowNanos - unchangedSince.get(sink.connector()) >= limitNanos) {
        found = sink;
      }
    }
    return Optional.ofNullable(found);
  }
}
