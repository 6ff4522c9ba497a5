package dev.pageevents.pipeline.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

class TopicPlacementTest {
  private static final Node B1 = new Node(1, "127.0.0.1", 9092);
  private static final Node B2 = new Node(2, "127.0.0.2", 9092);
  private static final Node B3 = new Node(3, "127.0.0.3", 9092);

  @Test
  void shouldListLeaderAndInSyncReplicasPerPartitionAndWhatEachBrokerLeads() {
    List<TopicPartitionInfo> partitions =
        List.of(
            new TopicPartitionInfo(0, B1, List.of(B1, B2, B3), List.of(B1, B2, B3)),
            new TopicPartitionInfo(1, B2, List.of(B2, B3, B1), List.of(B2, B3, B1)));

    assertThat(TopicPlacement.lines(partitions, List.of(B1, B2, B3)))
        .containsExactly(
            "  partition 0: leader broker 1, replicas [1, 2, 3], in sync [1, 2, 3]",
            "  partition 1: leader broker 2, replicas [2, 3, 1], in sync [2, 3, 1]",
            "  broker 1 127.0.0.1:9092: leads [0], follows [1]",
            "  broker 2 127.0.0.2:9092: leads [1], follows [0]",
            "  broker 3 127.0.0.3:9092: leads [], follows [0, 1]");
  }

  @Test
  void shouldShowAKilledBrokerAsDownOutOfTheInSyncReplicas() {
    List<TopicPartitionInfo> partitions =
        List.of(new TopicPartitionInfo(0, B2, List.of(B1, B2, B3), List.of(B2, B3)));

    assertThat(TopicPlacement.lines(partitions, List.of(B2, B3)))
        .containsExactly(
            "  partition 0: leader broker 2, replicas [1, 2, 3], in sync [2, 3]",
            "  broker 1 down: leads [], follows [0]",
            "  broker 2 127.0.0.2:9092: leads [0], follows []",
            "  broker 3 127.0.0.3:9092: leads [], follows [0]");
  }

  @Test
  void shouldSayNoneWhenAPartitionHasNoLeader() {
    List<TopicPartitionInfo> partitions =
        List.of(new TopicPartitionInfo(0, Node.noNode(), List.of(B1), List.of()));

    assertThat(TopicPlacement.lines(partitions, List.of()))
        .containsExactly(
            "  partition 0: leader none, replicas [1], in sync []",
            "  broker 1 down: leads [], follows [0]");
  }
}
