package dev.pageevents.pipeline.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.configs.ConnectorConfigs;
import dev.pageevents.pipeline.compare.Store;
import dev.pageevents.pipeline.demo.Demo;
import dev.pageevents.pipeline.demo.WorkerMetrics;
import dev.pageevents.pipeline.faults.FaultStack.Recovery;
import dev.pageevents.stack.CassandraServer;
import dev.pageevents.stack.ElasticsearchServer;
import dev.pageevents.stack.KafkaBrokerServer;
import dev.pageevents.stack.KafkaConnectProcesses;
import dev.pageevents.stack.RedisClusterServer;
import dev.pageevents.stack.RedisServer;
import dev.pageevents.stack.StoreServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * kill -9 of one node of each replicated server in the middle of a steady stream, with the source
 * and all five sinks running from their plugin archives in a 2-worker Connect group on a 3-broker
 * KRaft cluster: the broker leading a partition of the events topic, a Redis master (its replica
 * promoted, after 2 s of writes that only the master received), a Cassandra node (RF 3, QUORUM
 * writes), an Elasticsearch data node holding primaries (1 replica per shard). After each kill
 * every store must equal the topic exactly (0 lost, 0 doubled) and every connector and task must be
 * RUNNING. Neo4j and MongoDB stay single (Neo4j clustering is an Enterprise feature; no real mongod
 * runs here, the stand-in serves). One start of the clusters and one topic serve all four kills;
 * each extends the stream, and a killed node stays down, so every later kill hits an already
 * degraded stack.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsIT {
  private static final int REPLICAS = 3;
  private static final Duration RECOVERY = Duration.ofMinutes(4);
  private static final Duration LOST_WRITES = Duration.ofSeconds(2);
  private static final List<String> SINKS =
      ConnectorConfigs.bundled().entrySet().stream()
          .filter(c -> Store.of(c.getValue()).isPresent())
          .map(Map.Entry::getKey)
          .toList();

  private FaultStack faults;

  @BeforeAll
  void startClusters() {
    Map<Store, Supplier<? extends StoreServer>> clusters =
        Map.of(
            Store.CASSANDRA, () -> CassandraServer.create("cluster-cassandra", REPLICAS),
            Store.ELASTICSEARCH, () -> ElasticsearchServer.create("cluster-elasticsearch", 3),
            Store.REDIS, () -> RedisClusterServer.create("cluster-redis", 1));
    faults =
        FaultStack.start(KafkaConnectProcesses.builder().brokers(3).workers(2), clusters, sets());
    System.out.println("Idle, every node up: " + ClusterMemory.report());
  }

  /** Replication in every replicated store, and a DLQ topic with 3 replicas per sink. */
  private static List<String> sets() {
    List<String> sets = new ArrayList<>();
    sets.add(Demo.SOURCE + ".topic.creation.default.replication.factor=" + REPLICAS);
    SINKS.forEach(
        s -> sets.add(s + ".errors.deadletterqueue.topic.replication.factor=" + REPLICAS));
    sets.add("cassandra-sink.keyspace.replication.factor=" + REPLICAS);
    sets.add("cassandra-sink.consistency.level=QUORUM");
    sets.add("elasticsearch-sink.index.number.of.replicas=1");
    return sets;
  }

  @AfterAll
  void stopClusters() {
    if (faults != null) {
      faults.close();
    }
  }

  @Test
  @Order(1)
  void shouldStartExactWithEveryTopicReplicatedThreeTimesAndTwoInSyncReplicasRequired()
      throws Exception {
    assertThat(faults.awaitExact(Duration.ofMinutes(2)).mismatches()).isEmpty();
    List<String> topics = new ArrayList<>(List.of(faults.topic(), "connect-configs"));
    topics.addAll(List.of("connect-offsets", "connect-status"));
    SINKS.forEach(s -> topics.add("dlq-" + s));
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, faults.stack().bootstrapServers()))) {
      Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
      for (TopicDescription topic : described.values()) {
        for (TopicPartitionInfo partition : topic.partitions()) {
          assertThat(partition.replicas()).as("replicas of %s", topic.name()).hasSize(REPLICAS);
        }
      }
      ConfigResource events = new ConfigResource(ConfigResource.Type.TOPIC, faults.topic());
      Config config = admin.describeConfigs(List.of(events)).all().get().get(events);
      assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
    }
    RedisClusterServer redis = (RedisClusterServer) faults.stores().get(Store.REDIS);
    assertThat(redis.masters()).hasSize(3);
    assertThat(redis.size()).isEqualTo(6);
  }

  @Test
  @Order(2)
  void shouldEndExactWhenThePartitionLeaderBrokerIsKilledMidStream() throws Exception {
    long events = faults.stream(6_000, 1_500);
    KafkaConnectProcesses kafka = faults.kafka();
    KafkaBrokerServer leader = kafka.leaderOf(faults.topic(), 0);
    System.out.println("While streaming, before the first kill: " + ClusterMemory.report());

    long killed = System.nanoTime();
    leader.kill();
    Poll.until(
        "a new leader of " + faults.topic() + "-0",
        Duration.ofSeconds(60),
        () -> leaderOtherThan(kafka, leader));
    double elected = secs(killed, System.nanoTime());

    awaitExactAfter(
        "partition-leader-broker-killed",
        events,
        killed,
        String.format(
            "kill -9 of %s (leader of %s-0), new leader elected %.1f s later",
            leader, faults.topic(), elected));
  }

  @Test
  @Order(3)
  void shouldRedoTheWritesAKilledRedisMasterAcknowledgedAndItsPromotedReplicaNeverReceived()
      throws Exception {
    long events = faults.stream(6_000, 1_500);
    RedisClusterServer redis = (RedisClusterServer) faults.stores().get(Store.REDIS);
    RedisServer master = redis.masters().get(0);
    long rewindsBefore = lostWriteRewinds();

    // Replication is asynchronous; the cut holds open the gap a failover loses, so that the
    // sink's writes of the next seconds are acknowledged by the master alone.
    redis.cutReplication(master);
    Thread.sleep(LOST_WRITES.toMillis()); // the gap itself, not a wait for a condition
    long killed = System.nanoTime();
    RedisServer promoted = redis.killMaster(master);
    double failover = secs(killed, System.nanoTime());

    awaitExactAfter(
        "redis-master-killed",
        events,
        killed,
        String.format(
            "%.0f s of writes acknowledged by master %s alone, then kill -9; replica %s promoted"
                + " %.1f s later",
            LOST_WRITES.toMillis() / 1e3, master, promoted, failover));
    assertThat(redis.masters()).contains(promoted).doesNotContain(master).hasSize(3);
    long rewinds = lostWriteRewinds() - rewindsBefore;
    System.out.printf(
        "CLUSTER FAULT redis-master-killed: the Redis sink rewound %d time(s)%n", rewinds);
    assertThat(rewinds)
        .as("the Redis sink found the writes the promoted replica lacked and rewound to redo them")
        .isPositive();
  }

  private long lostWriteRewinds() {
    return WorkerMetrics.sinkCounter(faults.kafka().workers(), "LostWriteRewinds")
        .getOrDefault("redis-cache-sink", 0L);
  }

  @Test
  @Order(4)
  void shouldEndExactWhenACassandraNodeIsKilledMidStream() throws Exception {
    long events = faults.stream(6_000, 1_500);
    StoreServer node = ((CassandraServer) faults.stores().get(Store.CASSANDRA)).node(1);

    long killed = System.nanoTime();
    node.kill();

    awaitExactAfter(
        "cassandra-node-killed",
        events,
        killed,
        "kill -9 of " + node + " (RF 3, QUORUM: 2 of 3 replicas answer)");
  }

  @Test
  @Order(5)
  void shouldEndExactWhenAnElasticsearchNodeHoldingPrimariesIsKilledMidStream() throws Exception {
    long events = faults.stream(6_000, 1_500);
    ElasticsearchServer es = (ElasticsearchServer) faults.stores().get(Store.ELASTICSEARCH);
    StoreServer node = es.nodeWithMostPrimaries("pageevents-*");

    long killed = System.nanoTime();
    node.kill();

    awaitExactAfter(
        "elasticsearch-node-killed",
        events,
        killed,
        "kill -9 of " + node + " (the node with the most primaries; their replicas take over)");
  }

  private boolean leaderOtherThan(KafkaConnectProcesses kafka, KafkaBrokerServer old) {
    try {
      return kafka.leaderOf(faults.topic(), 0) != old;
    } catch (IllegalStateException e) {
      return false; // no leader yet
    }
  }

  /**
   * Waits until every store equals the topic after the kill at {@code killedNanos}, asserts it and
   * prints the figures: when the stream ended and when each store became exact, after the kill.
   */
  private void awaitExactAfter(String fault, long events, long killedNanos, String what)
      throws InterruptedException {
    Recovery recovery = faults.awaitExact(RECOVERY, killedNanos);
    assertThat(recovery.comparison().mismatches()).isEmpty();
    StringBuilder perStore = new StringBuilder();
    recovery
        .secondsToExact()
        .forEach((store, secs) -> perStore.append(String.format(" %s %.1f s,", store, secs)));
    System.out.printf(
        "CLUSTER FAULT %s: %d events in the topic, 0 lost, 0 doubled; %s; the stream ended %.1f s"
            + " after the kill; exact after the kill:%s%n",
        fault, events, what, recovery.streamEnd(), perStore.substring(0, perStore.length() - 1));
  }

  private static double secs(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1e9;
  }
}
