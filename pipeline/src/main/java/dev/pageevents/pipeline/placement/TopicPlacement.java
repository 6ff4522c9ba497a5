package dev.pageevents.pipeline.placement;

import dev.pageevents.pipeline.progress.AdminReads;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Where a topic's partitions live: per partition its leader and in-sync replicas, per broker the
 * partitions it leads and follows (Admin {@code describeTopics} and {@code describeCluster}).
 */
public final class TopicPlacement {
  private TopicPlacement() {}

  /** The topic's placement as the cluster reports it now. */
  public static List<String> read(Admin admin, String topic) {
    return lines(describe(admin, topic).partitions(), live(admin));
  }

  /** The id of the broker leading {@code partition} of {@code topic} now, -1 when none does. */
  public static int leaderOf(Admin admin, String topic, int partition) {
    Node leader = describe(admin, topic).partitions().get(partition).leader();
    return leader == null || leader.isEmpty() ? -1 : leader.id();
  }

  private static TopicDescription describe(Admin admin, String topic) {
    return AdminReads.read(
        "the partitions of " + topic,
        () -> admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic));
  }

  private static Collection<Node> live(Admin admin) {
    return AdminReads.read("the live brokers", () -> admin.describeCluster().nodes().get());
  }

  /**
   * One line per partition (leader, replicas, in sync), then one per broker (address, partitions
   * led and followed); a broker that holds replicas but is not among the live ones is "down".
   */
  static List<String> lines(List<TopicPartitionInfo> partitions, Collection<Node> live) {
    List<String> lines = new ArrayList<>();
    Map<Integer, List<Integer>> leads = new TreeMap<>();
    Map<Integer, List<Integer>> follows = new TreeMap<>();
    for (TopicPartitionInfo p : partitions) {
      Node leader = p.leader();
      lines.add(
          String.format(
              "  partition %d: leader %s, replicas %s, in sync %s",
              p.partition(),
              leader == null || leader.isEmpty() ? "none" : "broker " + leader.id(),
              ids(p.replicas()),
              ids(p.isr())));
      for (Node replica : p.replicas()) {
        leads.computeIfAbsent(replica.id(), id -> new ArrayList<>());
        follows.computeIfAbsent(replica.id(), id -> new ArrayList<>());
        boolean leading = leader != null && leader.id() == replica.id();
        (leading ? leads : follows).get(replica.id()).add(p.partition());
      }
    }
    Map<Integer, Node> up =
        live.stream().collect(Collectors.toMap(Node::id, n -> n, (a, b) -> a, TreeMap::new));
    for (Integer broker : leads.keySet()) {
      Node node = up.get(broker);
      lines.add(
          String.format(
              "  broker %d %s: leads %s, follows %s",
              broker,
              node == null ? "down" : node.host() + ":" + node.port(),
              leads.get(broker),
              follows.get(broker)));
    }
    return lines;
  }

  private static List<Integer> ids(List<Node> nodes) {
    return nodes.stream().map(Node::id).toList();
  }
}
