package dev.pageevents.core.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** A sink task context that records what the task asked of Connect. */
final class FakeSinkTaskContext implements SinkTaskContext {
  final List<SinkRecord> reported = new ArrayList<>();
  final List<Throwable> reportedErrors = new ArrayList<>();
  private final boolean hasReporter;
  final List<Map<TopicPartition, Long>> rewoundTo = new ArrayList<>();
  Long timeoutMs;

  FakeSinkTaskContext(boolean hasReporter) {
    this.hasReporter = hasReporter;
  }

  @Override
  public ErrantRecordReporter errantRecordReporter() {
    if (!hasReporter) {
      return null;
    }
    return (record, error) -> {
      reported.add(record);
      reportedErrors.add(error);
      return CompletableFuture.completedFuture(null);
    };
  }

  @Override
  public void timeout(long timeoutMs) {
    this.timeoutMs = timeoutMs;
  }

  @Override
  public Map<String, String> configs() {
    return Map.of();
  }

  @Override
  public void offset(Map<TopicPartition, Long> offsets) {
    rewoundTo.add(Map.copyOf(offsets));
  }

  @Override
  public void offset(TopicPartition tp, long offset) {}

  @Override
  public Set<TopicPartition> assignment() {
    return Set.of();
  }

  @Override
  public void pause(TopicPartition... partitions) {}

  @Override
  public void resume(TopicPartition... partitions) {}

  @Override
  public void requestCommit() {}

  @Override
  public PluginMetrics pluginMetrics() {
    return null;
  }
}
