package dev.pageevents.core.sink.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.junit.jupiter.api.Test;

class StoredOffsetSeekTest {
  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static final TopicPartition P1 = new TopicPartition("t", 1);

  /** Records the seeks a task asks for. */
  static final class SeekContext implements SinkTaskContext {
    final Map<TopicPartition, Long> seeks = new HashMap<>();

    @Override
    public Map<String, String> configs() {
      return Map.of();
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
      seeks.putAll(offsets);
    }

    @Override
    public void offset(TopicPartition tp, long offset) {
      seeks.put(tp, offset);
    }

    @Override
    public void timeout(long timeoutMs) {}

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

  @Test
  void shouldSeekToTheLastAppliedRecordOfKnownPartitionsOnlySoConnectCommitsPastIt() {
    SeekContext context = new SeekContext();

    StoredOffsetSeek.seek(context, partitions -> Map.of(P0, 99L), List.of(P0, P1));

    assertThat(context.seeks).isEqualTo(Map.of(P0, 99L));
  }

  @Test
  void shouldResumeFromTheCommittedOffsetsWhenTheStoreCannotBeRead() {
    SeekContext context = new SeekContext();
    OffsetStore down =
        partitions -> {
          throw new IllegalStateException("store down");
        };

    StoredOffsetSeek.seek(context, down, List.of(P0));

    assertThat(context.seeks).isEmpty();
  }
}
