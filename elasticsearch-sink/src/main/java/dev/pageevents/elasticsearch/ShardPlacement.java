package dev.pageevents.elasticsearch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Shard copies grouped per node, as lines: which primaries and replicas each node holds. */
final class ShardPlacement {
  private ShardPlacement() {}

  /**
   * One copy of a shard, as {@code _cat/shards} lists it.
   *
   * @param primary true for the primary, false for a replica
   * @param state STARTED, INITIALIZING, RELOCATING or UNASSIGNED
   * @param node the node's name; null while unassigned
   */
  record ShardCopy(String index, String shard, boolean primary, String state, String node) {
    String label() {
      String name = index + "/" + shard;
      return "STARTED".equals(state) ? name : name + " " + state;
    }
  }

  /** One line per node (by name) with its primaries and replicas, then the unassigned copies. */
  static List<String> lines(List<ShardCopy> copies) {
    Map<String, List<String>> primaries = new TreeMap<>();
    Map<String, List<String>> replicas = new TreeMap<>();
    List<String> unassigned = new ArrayList<>();
    for (ShardCopy copy : sorted(copies)) {
      if (copy.node() == null) {
        unassigned.add((copy.primary() ? "primary " : "replica ") + copy.label());
        continue;
      }
      primaries.computeIfAbsent(copy.node(), n -> new ArrayList<>());
      replicas.computeIfAbsent(copy.node(), n -> new ArrayList<>());
      (copy.primary() ? primaries : replicas).get(copy.node()).add(copy.label());
    }
    List<String> lines = new ArrayList<>();
    primaries.forEach(
        (node, held) ->
            lines.add(
                "  node " + node + ": primaries " + held + ", replicas " + replicas.get(node)));
    if (!unassigned.isEmpty()) {
      lines.add("  unassigned: " + unassigned);
    }
    return lines;
  }

  private static List<ShardCopy> sorted(List<ShardCopy> copies) {
    List<ShardCopy> sorted = new ArrayList<>(copies);
    sorted.sort(
        (a, b) ->
            a.index().equals(b.index())
                ? Integer.compare(Integer.parseInt(a.shard()), Integer.parseInt(b.shard()))
                : a.index().compareTo(b.index()));
    return sorted;
  }
}
