package dev.pageevents.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterNodesTest {
  /** Three masters, each with a replica; as Redis 7 prints it (bus port after '@'). */
  private static final String HEALTHY =
      """
      a1 127.0.0.1:7001@17001 myself,master - 0 0 1 connected 0-5460
      a2 127.0.0.1:7002@17002 master - 0 1700000000000 2 connected 5461-10922
      a3 127.0.0.1:7003@17003 master - 0 1700000000000 3 connected 10923-16383
      b1 127.0.0.1:7004@17004 slave a1 0 1700000000000 1 connected
      b2 127.0.0.1:7005@17005 slave a2 0 1700000000000 2 connected
      b3 127.0.0.1:7006@17006 slave a3 0 1700000000000 3 connected
      """;

  @Test
  void shouldListEachMasterWithItsSlotsAndReplica() {
    assertThat(ClusterNodes.parse(HEALTHY).lines())
        .containsExactly(
            "  master 127.0.0.1:7001 ok: slots 0-5460 (5461), replicas [127.0.0.1:7004]",
            "  master 127.0.0.1:7002 ok: slots 5461-10922 (5462), replicas [127.0.0.1:7005]",
            "  master 127.0.0.1:7003 ok: slots 10923-16383 (5461), replicas [127.0.0.1:7006]");
  }

  @Test
  void shouldShowAPromotedReplicaAsMasterAndTheFailedOneWithoutSlots() {
    String afterFailover =
        """
        a1 127.0.0.1:7001@17001 master,fail - 1700000000000 0 1 disconnected
        a2 127.0.0.1:7002@17002 myself,master - 0 0 2 connected 5461-10922
        a3 127.0.0.1:7003@17003 master - 0 1700000000000 3 connected 10923-16383
        b1 127.0.0.1:7004@17004 master - 0 1700000000000 7 connected 0-5460
        b2 127.0.0.1:7005@17005 slave a2 0 1700000000000 2 connected
        b3 127.0.0.1:7006@17006 slave a3 0 1700000000000 3 connected
        """;

    assertThat(ClusterNodes.parse(afterFailover).lines())
        .containsExactly(
            "  master 127.0.0.1:7001 fail: no slots, replicas []",
            "  master 127.0.0.1:7002 ok: slots 5461-10922 (5462), replicas [127.0.0.1:7005]",
            "  master 127.0.0.1:7003 ok: slots 10923-16383 (5461), replicas [127.0.0.1:7006]",
            "  master 127.0.0.1:7004 ok: slots 0-5460 (5461), replicas []");
  }

  @Test
  void shouldCountSingleSlotsAndLeaveOutMigratingEntries() {
    String reply = "a1 127.0.0.1:7001@17001 myself,master - 0 0 1 connected 0-9 12 [13->-b2]\n";

    ClusterNodes nodes = ClusterNodes.parse(reply);

    assertThat(nodes.lines())
        .containsExactly("  master 127.0.0.1:7001 ok: slots 0-9 12 (11), replicas []");
    assertThat(nodes.myself()).map(ClusterNodes.Node::address).contains("127.0.0.1:7001");
  }

  @Test
  void shouldMarkASuspectedReplica() {
    String reply =
        """
        a1 127.0.0.1:7001@17001 myself,master - 0 0 1 connected 0-16383
        b1 127.0.0.1:7004@17004 slave,fail? a1 1700000000000 0 1 connected
        """;

    assertThat(ClusterNodes.parse(reply).lines())
        .containsExactly(
            "  master 127.0.0.1:7001 ok: slots 0-16383 (16384), replicas [127.0.0.1:7004 fail?]");
  }
}
