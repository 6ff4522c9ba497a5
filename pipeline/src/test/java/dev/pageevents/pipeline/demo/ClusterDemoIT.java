package dev.pageevents.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code demo --cluster} on the real multi-node servers (Cassandra on 3 nodes, Elasticsearch on 3,
 * Redis Cluster): the placement readers report every node, the killed Cassandra node turns DOWN,
 * the Elasticsearch cluster loses a node holding primaries and goes on, and every store still ends
 * equal to the topic.
 */
class ClusterDemoIT {
  private static final int EVENTS = 30_000;

  @Test
  void shouldShowWhereTheDataLivesFollowEachKilledNodeAndEndWithEveryStoreEqualToTheTopic() {
    DemoRun run =
        DemoRun.of("--cluster", "--events", Integer.toString(EVENTS), "--live-port", "-1");

    String printed = run.printed();
    int code = run.exitCode();
    assertThat(code).as(printed).isZero();
    assertThat(printed)
        .contains("== Where the data lives now, mid-stream", "== Where the data lives after")
        .contains("replication_factor=3")
        .containsPattern("node 127\\.0\\.0\\.3:\\d+ UP: owns 16 token ranges")
        .containsPattern("\\+ +[\\d.]+ s  node 127\\.0\\.0\\.3:\\d+ DOWN: owns 16 token ranges")
        // green, or yellow while the new index's replicas still start; the kill waits for green
        .containsPattern("cluster pageevents: 3 nodes, status (green|yellow)")
        // the node killed is whichever holds a primary first in _cat/shards, any of the three
        .containsPattern("-- Elasticsearch: killed http://127\\.0\\.0\\.[123]:\\d+")
        .containsPattern("\\+ +[\\d.]+ s  cluster pageevents: 2 nodes")
        .containsPattern("master 127\\.0\\.0\\.1:\\d+ ok: slots \\d+-\\d+")
        // the controller places leaders from a random start: any broker may lead partition 0
        .containsPattern("partition 0: leader broker [123], replicas \\[\\d, \\d, \\d\\]")
        .containsPattern("-- Kafka: killed 127\\.0\\.0\\.[123]:\\d+")
        .contains("Neo4j and MongoDB stay single servers")
        .contains("All 5 stores match the topic 'page-events': " + EVENTS + " events")
        .doesNotContain("could not read the placement");
  }
}
