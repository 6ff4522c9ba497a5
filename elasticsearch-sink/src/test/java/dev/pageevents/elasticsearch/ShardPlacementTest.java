package dev.pageevents.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.elasticsearch.ShardPlacement.ShardCopy;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardPlacementTest {
  private static final String INDEX = "pageevents-2026.01.01";

  @Test
  void shouldListEachNodesPrimariesAndReplicasInShardOrder() {
    List<String> lines =
        ShardPlacement.lines(
            List.of(
                new ShardCopy(INDEX, "1", true, "STARTED", "es-2"),
                new ShardCopy(INDEX, "0", false, "STARTED", "es-2"),
                new ShardCopy(INDEX, "0", true, "STARTED", "es-1"),
                new ShardCopy(INDEX, "1", false, "STARTED", "es-1")));

    assertThat(lines)
        .containsExactly(
            "  node es-1: primaries [" + INDEX + "/0], replicas [" + INDEX + "/1]",
            "  node es-2: primaries [" + INDEX + "/1], replicas [" + INDEX + "/0]");
  }

  @Test
  void shouldNameUnassignedCopiesAndCopiesNotYetStarted() {
    List<String> lines =
        ShardPlacement.lines(
            List.of(
                new ShardCopy(INDEX, "0", true, "STARTED", "es-1"),
                new ShardCopy(INDEX, "0", false, "INITIALIZING", "es-3"),
                new ShardCopy(INDEX, "1", false, "UNASSIGNED", null)));

    assertThat(lines)
        .containsExactly(
            "  node es-1: primaries [" + INDEX + "/0], replicas []",
            "  node es-3: primaries [], replicas [" + INDEX + "/0 INITIALIZING]",
            "  unassigned: [replica " + INDEX + "/1 UNASSIGNED]");
  }

  @Test
  void shouldSortShardsNumericallyNotAsText() {
    List<String> lines =
        ShardPlacement.lines(
            List.of(
                new ShardCopy(INDEX, "10", true, "STARTED", "es-1"),
                new ShardCopy(INDEX, "2", true, "STARTED", "es-1")));

    assertThat(lines)
        .containsExactly("  node es-1: primaries [" + INDEX + "/2, " + INDEX + "/10], replicas []");
  }
}
