package dev.pageevents.core.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pageevents.core.config.OffsetReset;
import dev.pageevents.core.config.PageEventSinkConfig;
import dev.pageevents.core.config.Reachability;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

class PageEventSinkConnectorOffsetsTest {
  private static final TopicPartition P0 = new TopicPartition("events", 0);
  private static final TopicPartition P1 = new TopicPartition("events", 1);

  /** A sink whose offset reset defaults to refuse and which counts how often it was cleared. */
  static final class CountingSink extends PageEventSinkConnector<PageEventSinkConfig> {
    static final ConfigDef DEF =
        PageEventSinkConfig.withOffsetReset(
            PageEventSinkConfig.withSharedGroups(new ConfigDef(), 100), OffsetReset.REFUSE);
    int clears;
    Exception clearFailure;

    CountingSink() {
      super(DEF, null, props -> new PageEventSinkConfig(DEF, props) {});
    }

    @Override
    protected void probe(PageEventSinkConfig config, Map<String, String> props) {}

    @Override
    protected Reachability.Failure diagnose(PageEventSinkConfig config, Exception e) {
      throw new AssertionError("the probe never fails", e);
    }

    @Override
    protected void clearReadModel(PageEventSinkConfig config) throws Exception {
      if (clearFailure != null) {
        throw clearFailure;
      }
      clears++;
    }
  }

  private static Map<String, String> config(String mode) {
    Map<String, String> config = new HashMap<>(Map.of("name", "counts"));
    if (mode != null) {
      config.put(PageEventSinkConfig.OFFSETS_RESET_CONFIG, mode);
    }
    return config;
  }

  private static Map<TopicPartition, Long> reset() {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    offsets.put(P0, null);
    offsets.put(P1, null);
    return offsets;
  }

  @Test
  void shouldRefuseByDefaultSayingWhyAndToSetRebuild() {
    CountingSink sink = new CountingSink();

    assertThatThrownBy(() -> sink.alterOffsets(config(null), reset()))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("offsets.reset=refuse")
        .hasMessageContaining("keeps aggregates")
        .hasMessageContaining("set offsets.reset=rebuild")
        .hasMessageContaining("DELETE /connectors/counts/offsets");
    assertThat(sink.clears).isZero();
  }

  @Test
  void shouldClearTheReadModelBeforeAResetOfEveryPartitionWhenRebuilding() {
    CountingSink sink = new CountingSink();

    assertThat(sink.alterOffsets(config("rebuild"), reset())).isTrue();

    assertThat(sink.clears).isOne();
  }

  @Test
  void shouldRebuildWhenTheConsumerGroupHadNoCommittedOffsetAtAll() {
    CountingSink sink = new CountingSink();

    assertThat(sink.alterOffsets(config("REBUILD"), Map.of())).isTrue();

    assertThat(sink.clears).isOne();
  }

  @Test
  void shouldRefuseAPartialAlterWhenRebuildingAndLeaveTheStoreAlone() {
    CountingSink sink = new CountingSink();
    Map<TopicPartition, Long> patch = reset();
    patch.put(P1, 42L);

    assertThatThrownBy(() -> sink.alterOffsets(config("rebuild"), patch))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("only accepts a reset of every partition")
        .hasMessageContaining("DELETE /connectors/counts/offsets");
    assertThat(sink.clears).isZero();
  }

  @Test
  void shouldApplyAnyChangeWithoutClearingWhenReplaying() {
    CountingSink sink = new CountingSink();

    assertThat(sink.alterOffsets(config("replay"), reset())).isTrue();
    assertThat(sink.alterOffsets(config("replay"), Map.of(P0, 7L))).isTrue();

    assertThat(sink.clears).isZero();
  }

  @Test
  void shouldFailTheResetWhenTheStoreCannotBeCleared() {
    CountingSink sink = new CountingSink();
    sink.clearFailure = new IllegalStateException("store down");

    assertThatThrownBy(() -> sink.alterOffsets(config("rebuild"), reset()))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("offsets are unchanged")
        .hasMessageContaining("store down");
  }

  @Test
  void shouldRejectAnUnknownMode() {
    assertThatThrownBy(() -> new CountingSink().alterOffsets(config("wipe"), reset()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("offsets.reset");
  }
}
