package dev.pageevents.redis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The reply of {@code CLUSTER NODES}: each node's address, role, health, master and slots. */
final class ClusterNodes {
  /**
   * One node of the reply.
   *
   * @param address host:port (without the bus port)
   * @param flags e.g. myself, master, slave, fail, fail?
   * @param masterId the id of the master a replica follows; "-" for a master
   * @param slots slot ranges as listed ("0-5460", "5461"), migration entries left out
   */
  record Node(String id, String address, Set<String> flags, String masterId, List<String> slots) {
    boolean master() {
      return flags.contains("master");
    }

    /** "ok", "fail" (the cluster agrees it is down) or "fail?" (suspected by this node). */
    String health() {
      return flags.contains("fail") ? "fail" : flags.contains("fail?") ? "fail?" : "ok";
    }

    int slotCount() {
      int count = 0;
      for (String range : slots) {
        int dash = range.indexOf('-');
        count +=
            dash < 0
                ? 1
                : Integer.parseInt(range.substring(dash + 1))
                    - Integer.parseInt(range.substring(0, dash))
                    + 1;
      }
      return count;
    }
  }

  private final List<Node> nodes;

  private ClusterNodes(List<Node> nodes) {
    this.nodes = nodes;
  }

  static ClusterNodes parse(String reply) {
    List<Node> nodes = new ArrayList<>();
    for (String line : reply.split("\n")) {
      String[] fields = line.trim().split(" ");
      if (fields.length < 8) {
        continue;
      }
      String address = fields[1];
      int cut = address.indexOf('@');
      List<String> slots =
          Arrays.stream(fields, 8, fields.length).filter(f -> !f.startsWith("[")).toList();
      nodes.add(
          new Node(
              fields[0],
              cut < 0 ? address : address.substring(0, cut),
              Set.of(fields[2].split(",")),
              fields[3],
              slots));
    }
    nodes.sort(Comparator.comparing(Node::address));
    return new ClusterNodes(List.copyOf(nodes));
  }

  /** The node that answered. */
  Optional<Node> myself() {
    return nodes.stream().filter(n -> n.flags().contains("myself")).findFirst();
  }

  /** One line per master: health, slots and the replicas that follow it. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (Node master : nodes.stream().filter(Node::master).toList()) {
      List<String> replicas =
          nodes.stream()
              .filter(n -> n.masterId().equals(master.id()))
              .map(n -> n.address() + (n.health().equals("ok") ? "" : " " + n.health()))
              .toList();
      lines.add(
          String.format(
              "  master %s %s: %s, replicas %s",
              master.address(),
              master.health(),
              master.slots().isEmpty()
                  ? "no slots"
                  : "slots " + String.join(" ", master.slots()) + " (" + master.slotCount() + ")",
              replicas));
    }
    return lines;
  }
}
