package dev.pageevents.pipeline.demo;

import dev.pageevents.pipeline.compare.Store;
import dev.pageevents.stack.CassandraServer;
import dev.pageevents.stack.ElasticsearchServer;
import dev.pageevents.stack.KafkaConnectProcesses;
import dev.pageevents.stack.RedisClusterServer;
import dev.pageevents.stack.StoreServer;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How many nodes the demo runs each system on: one of each ({@link #SINGLE}, {@code ./demo}) or
 * clusters ({@link #CLUSTER}, {@code ./demo --cluster}). Neo4j and MongoDB stay single in both.
 *
 * @param kafkaBrokers Kafka brokers (the topic's replication factor is as many, at most 3)
 * @param cassandraNodes Cassandra nodes (the keyspace's replication factor is as many, at most 3)
 * @param elasticsearchNodes Elasticsearch nodes (one replica per shard when more than one)
 * @param redisCluster Redis Cluster instead of one server
 * @param connectWorkers distributed Connect workers in the group that runs the connectors
 */
public record StackShape(
    int kafkaBrokers,
    int cassandraNodes,
    int elasticsearchNodes,
    boolean redisCluster,
    int connectWorkers) {
  public static final StackShape SINGLE = new StackShape(1, 1, 1, false, 1);

  /**
   * The cluster demo: 3 KRaft brokers, 2 Connect workers sharing the tasks, 3 Cassandra nodes, 3
   * Elasticsearch nodes, Redis Cluster of 3 masters with a replica each.
   */
  public static final StackShape CLUSTER = new StackShape(3, 3, 3, true, 2);

  /** The page-events topic's and the DLQs' replication factor. */
  public int kafkaReplicationFactor() {
    return Math.min(3, kafkaBrokers);
  }

  /** The Cassandra keyspace's replication factor. */
  public int cassandraReplicationFactor() {
    return Math.min(3, cassandraNodes);
  }

  /** Whether any store or Kafka runs on more than one node. */
  public boolean clustered() {
    return kafkaBrokers > 1 || cassandraNodes > 1 || elasticsearchNodes > 1 || redisCluster;
  }

  /** The Kafka and Connect processes of this shape. */
  public KafkaConnectProcesses.Builder kafka(KafkaConnectProcesses.Builder builder) {
    return builder.brokers(kafkaBrokers).workers(connectWorkers);
  }

  /**
   * The stores' embedded servers where this shape differs from one node each, for {@link
   * DemoStack#start(KafkaConnectProcesses.Builder, Map, java.io.PrintStream)}.
   */
  public Map<Store, Supplier<? extends StoreServer>> embedded() {
    Map<Store, Supplier<? extends StoreServer>> embedded = new EnumMap<>(Store.class);
    if (cassandraNodes > 1) {
      embedded.put(Store.CASSANDRA, () -> CassandraServer.create("demo-cassandra", cassandraNodes));
    }
    if (elasticsearchNodes > 1) {
      embedded.put(
          Store.ELASTICSEARCH,
          () -> ElasticsearchServer.create("demo-elasticsearch", elasticsearchNodes));
    }
    if (redisCluster) {
      embedded.put(Store.REDIS, () -> RedisClusterServer.create("demo-redis", 1));
    }
    return embedded;
  }
}
