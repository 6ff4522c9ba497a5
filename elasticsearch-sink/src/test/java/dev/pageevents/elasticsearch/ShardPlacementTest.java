package dev.pageevents.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.elasticsearch.ShardPlacement.ShardCopy;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardPlacementTest {
  private static final String INDEX = "pageevents-2026.01.01";

  @Test
  void shouldListEachNodesPrimariesAndReplicasInShardOrder() {
    assertThat(
            ShardPlacement.lines(
                List.of(
                    primary("1", "es-2"),
                    replica("0", "STARTED", "es-2"),
                    primary("0", "es-1"),
                    replica("1", "STARTED", "es-1"))))
        .containsExactly(
            "  node es-1: primaries [" + INDEX + "/0], replicas [" + INDEX + "/1]",
            "  node es-2: primaries [" + INDEX + "/1], replicas [" + INDEX + "/0]");
  }

  @Test
  void shouldNameUnassignedCopiesAndCopiesNotYetStarted() {
    assertThat(
            ShardPlacement.lines(
                List.of(
                    primary("0", "es-1"),
                    replica("0", "INITIALIZING", "es-3"),
                    replica("1", "UNASSIGNED", null))))
        .containsExactly(
            "  node es-1: primaries [" + INDEX + "/0], replicas []",
            "  node es-3: primaries [], replicas [" + INDEX + "/0 INITIALIZING]",
            "  unassigned: [replica " + INDEX + "/1 UNASSIGNED]");
  }

  @Test
  void shouldSortShardsNumericallyNotAsText() {
    assertThat(ShardPlacement.lines(List.of(primary("10", "es-1"), primary("2", "es-1"))))
        .containsExactly("  node es-1: primaries [" + INDEX + "/2, " + INDEX + "/10], replicas []");
  }

  private static ShardCopy primary(String shard, String node) {
    return new ShardCopy(INDEX, shard, true, "STARTED", node);
  }

  private static ShardCopy replica(String shard, String state, String node) {
    return new ShardCopy(INDEX, shard, false, state, node);
  }
}
