package dev.pageevents.pipeline.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pageevents.core.view.StoreView;
import dev.pageevents.pipeline.compare.Store;
import dev.pageevents.pipeline.placement.PlacementWatch;
import dev.pageevents.pipeline.placement.TopicPlacement;
import dev.pageevents.pipeline.progress.AdminReads;
import dev.pageevents.stack.CassandraServer;
import dev.pageevents.stack.ElasticsearchServer;
import dev.pageevents.stack.RedisClusterServer;
import dev.pageevents.stack.StoreServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;

/**
 * The cluster part of {@code ./demo --cluster}: prints where the data lives on every clustered
 * system (Kafka partitions, Cassandra token ranges, Elasticsearch shards, Redis slots), then kills
 * one node of each mid-stream (kill -9) and prints the failover as it happens.
 */
final class ClusterFaults implements AutoCloseable {
  /** The clustered stores, in the order they are shown and faulted. */
  private static final List<Store> CLUSTERED =
      List.of(Store.CASSANDRA, Store.ELASTICSEARCH, Store.REDIS);

  /** Masters of the demo's Redis Cluster; more nodes than that are replicas. */
  private static final int REDIS_MASTERS = 3;

  private static final Duration FOLLOW_AT_MOST = Duration.ofSeconds(45);
  private static final Duration SETTLED_AFTER = Duration.ofSeconds(8);

  private final DemoStack stack;
  private final String topic;
  private final PrintStream out;
  private final Admin admin;
  private final Map<Store, Map<String, String>> configs;
  private final Map<Store, StoreView> views = new EnumMap<>(Store.class);
  private final PlacementWatch watch;

  ClusterFaults(
      DemoStack stack, String topic, Map<Store, Map<String, String>> configs, PrintStream out) {
    this.stack = stack;
    this.topic = topic;
    this.out = out;
    this.admin = AdminReads.open(stack.bootstrapServers(), "pageevents-demo-placement");
    this.configs = configs;
    this.watch = new PlacementWatch(FOLLOW_AT_MOST, SETTLED_AFTER, out);
  }

  /** Every clustered system's placement now, under a heading. */
  void printPlacement(String heading) {
    out.println();
    out.println("== Where the data lives " + heading);
    section("Kafka, topic " + topic, kafkaPlacement());
    CLUSTERED.forEach(store -> section(store.title(), placement(store)));
    out.println(
        "-- Neo4j and MongoDB stay single servers: Neo4j clustering is Enterprise-only, and no"
            + " real mongod runs here (MongoDB is the mongo-java-server stand-in; its sharding by"
            + " {page: 1, _id: \"hashed\"} is explained, not run).");
  }

  /** Kills one node of each clustered system, one after the other, following each failover. */
  void killOneNodeOfEach() throws InterruptedException {
    out.println();
    out.println("== Killing one node of each clustered system (kill -9), mid-stream");
    killKafkaLeader();
    kill(
        "Cassandra",
        cassandraNode(),
        "the driver marks it DOWN; QUORUM writes go on with the other replicas",
        placement(Store.CASSANDRA));
    kill(
        "Elasticsearch",
        elasticsearchNodeWithPrimaries(),
        "the master promotes the replicas of its primaries; its copies are reallocated",
        placement(Store.ELASTICSEARCH));
    kill(
        "Redis",
        redisMasterWithReplica(),
        "its replica takes over the slots after cluster-node-timeout (5 s)",
        placement(Store.REDIS));
  }

  private void killKafkaLeader() throws InterruptedException {
    List<StoreServer> brokers = stack.brokers();
    if (brokers.size() < 3) {
      out.printf(
          "-- Kafka: %d broker here (3 KRaft brokers with RF 3 need embedded-stack's"
              + " Builder.brokers(3)), so no broker is killed: the only one would stop the demo%n",
          brokers.size());
      return;
    }
    int leader = TopicPlacement.leaderOf(admin, topic, 0);
    if (leader < 1) {
      out.println("-- Kafka: partition 0 has no leader now, no broker killed");
      return;
    }
    kill(
        "Kafka",
        Optional.of(brokers.get(leader - 1)),
        "the controller elects a new leader of partition 0 from the in-sync replicas",
        kafkaPlacement());
  }

  private void kill(
      String system, Optional<StoreServer> node, String expected, Supplier<List<String>> placement)
      throws InterruptedException {
    if (node.isEmpty()) {
      return;
    }
    List<String> before = placement.get();
    long killed = System.nanoTime();
    node.get().kill();
    out.printf("-- %s: killed %s; expected: %s%n", system, node.get().endpoint(), expected);
    watch.follow(placement, before, killed);
  }

  private Optional<StoreServer> cassandraNode() {
    if (!(stack.store(Store.CASSANDRA) instanceof CassandraServer ring) || ring.size() < 2) {
      out.println("-- Cassandra: one node (or an external cluster), none killed");
      return Optional.empty();
    }
    return Optional.of(ring.node(ring.size() - 1));
  }

  /** A node that holds primaries of the sink's indices, found by its HTTP address. */
  private Optional<StoreServer> elasticsearchNodeWithPrimaries() {
    if (!(stack.store(Store.ELASTICSEARCH) instanceof ElasticsearchServer cluster)
        || cluster.size() < 2) {
      out.println("-- Elasticsearch: one node (or an external cluster), none killed");
      return Optional.empty();
    }
    String url = cluster.endpoints().get(0);
    // Only once every replica has started: a node killed while its primaries' replicas are still
    // initializing would take those shards' only complete copy with it.
    JsonNode health = getJson(url + "/_cluster/health?wait_for_status=green&timeout=60s", 70);
    if (!"green".equals(health.path("status").asText())) {
      out.println(
          "-- Elasticsearch: not green after 60 s (replicas still starting), none killed: the"
              + " kill could lose a shard's only complete copy");
      return Optional.empty();
    }
    JsonNode nodes = getJson(url + "/_cat/nodes?format=json&h=name,http_address", 10);
    JsonNode shards = getJson(url + "/_cat/shards?format=json&h=prirep,node", 10);
    for (JsonNode shard : shards) {
      if (!"p".equals(shard.path("prirep").asText())) {
        continue;
      }
      for (JsonNode node : nodes) {
        if (node.path("name").asText().equals(shard.path("node").asText())) {
          String http = "http://" + node.path("http_address").asText();
          int index = cluster.endpoints().indexOf(http);
          if (index >= 0) {
            return Optional.of(cluster.node(index));
          }
        }
      }
    }
    out.println("-- Elasticsearch: no node holds a primary yet, none killed");
    return Optional.empty();
  }

  /** A master that has a replica; none when the masters have none. */
  private Optional<StoreServer> redisMasterWithReplica() {
    if (!(stack.store(Store.REDIS) instanceof RedisClusterServer cluster) || cluster.size() < 2) {
      out.println("-- Redis: one server (or an external cluster), none killed");
      return Optional.empty();
    }
    if (cluster.size() <= REDIS_MASTERS) {
      out.println(
          "-- Redis: the masters have no replicas here (RedisClusterServer.create(name, 1) adds"
              + " them), so none is killed: a master without a replica takes its slots down and"
              + " its keys with it");
      return Optional.empty();
    }
    return Optional.of(cluster.masters().get(0));
  }

  /**
   * A store's placement through its view, opened on first use (once the sink has created the
   * store's schema).
   */
  private Supplier<List<String>> placement(Store store) {
    return () -> views.computeIfAbsent(store, s -> s.open(configs.get(s))).placement();
  }

  private Supplier<List<String>> kafkaPlacement() {
    return () -> TopicPlacement.read(admin, topic);
  }

  private void section(String title, Supplier<List<String>> placement) {
    out.println("-- " + title);
    try {
      placement.get().forEach(out::println);
    } catch (RuntimeException e) {
      out.println("  (could not read the placement: " + e.getMessage() + ")");
    }
  }

  private static JsonNode getJson(String url, int timeoutSeconds) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url))
                      .timeout(Duration.ofSeconds(timeoutSeconds))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      return new ObjectMapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + url + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted during GET " + url, e);
    }
  }

  @Override
  public void close() {
    views.values().forEach(StoreView::close);
    admin.close(Duration.ofSeconds(5));
  }
}
