package dev.pageevents.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.configs.ConnectorConfigs;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {
  private static Map<String, Map<String, String>> bundled() {
    Map<String, Map<String, String>> configs = new LinkedHashMap<>();
    ConnectorConfigs.bundled().forEach((name, c) -> configs.put(name, new LinkedHashMap<>(c)));
    return configs;
  }

  @Test
  void shouldReplicateCassandraThreeTimesWithQuorumAndGiveEachShardAReplica() {
    Map<String, Map<String, String>> configs = bundled();

    ClusterSettings.apply(configs, StackShape.CLUSTER);

    assertThat(configs.get("cassandra-sink"))
        .containsEntry("keyspace.replication.factor", "3")
        .containsEntry("consistency.level", "QUORUM");
    assertThat(configs.get("elasticsearch-sink")).containsEntry("index.number.of.replicas", "1");
    assertThat(configs.get("page-event-source"))
        .containsEntry(ClusterSettings.TOPIC_REPLICATION, "3");
    configs.values().stream()
        .filter(c -> c.containsKey("errors.deadletterqueue.topic.name"))
        .forEach(c -> assertThat(c).containsEntry(ClusterSettings.DLQ_REPLICATION, "3"));
  }

  @Test
  void shouldKeepReplicationFactorOneOnASingleBroker() {
    Map<String, Map<String, String>> configs = bundled();

    ClusterSettings.apply(configs, StackShape.CLUSTER);

    assertThat(configs.get("page-event-source"))
        .containsEntry(
            ClusterSettings.TOPIC_REPLICATION,
            String.valueOf(StackShape.CLUSTER.kafkaReplicationFactor()));
    assertThat(configs.get("cassandra-sink")).containsEntry("keyspace.replication.factor", "3");
  }

  @Test
  void shouldLeaveSingleServerSettingsAlone() {
    Map<String, Map<String, String>> configs = bundled();
    Map<String, Map<String, String>> before = bundled();

    ClusterSettings.apply(configs, StackShape.SINGLE);

    assertThat(configs).isEqualTo(before);
  }
}
