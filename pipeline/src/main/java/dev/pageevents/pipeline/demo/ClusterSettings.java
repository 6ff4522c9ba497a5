package dev.pageevents.pipeline.demo;

import dev.pageevents.pipeline.compare.Store;
import java.util.Map;

/**
 * The connector settings a cluster run needs on top of the connect-configs: the topic's and the
 * DLQs' replication factor, the Cassandra keyspace's replication factor with QUORUM writes, one
 * replica per Elasticsearch shard. Redis switches to cluster mode through its endpoint.
 */
final class ClusterSettings {
  static final String DLQ_REPLICATION = "errors.deadletterqueue.topic.replication.factor";
  static final String TOPIC_REPLICATION = "topic.creation.default.replication.factor";

  private ClusterSettings() {}

  /** Adds the settings to {@code configs} (connector name to a mutable config). */
  static void apply(Map<String, Map<String, String>> configs, StackShape shape) {
    String kafkaReplicas = Integer.toString(shape.kafkaReplicationFactor());
    configs.values().forEach(config -> apply(config, shape, kafkaReplicas));
  }

  private static void apply(Map<String, String> config, StackShape shape, String kafkaReplicas) {
    config.replace(DLQ_REPLICATION, kafkaReplicas);
    config.replace(TOPIC_REPLICATION, kafkaReplicas);
    Store store = Store.of(config).orElse(null);
    if (store == Store.CASSANDRA && shape.cassandraNodes() > 1) {
      config.put(
          "keyspace.replication.factor", Integer.toString(shape.cassandraReplicationFactor()));
      config.put("consistency.level", "QUORUM");
    } else if (store == Store.ELASTICSEARCH && shape.elasticsearchNodes() > 1) {
      config.put("index.number.of.replicas", "1");
    }
  }
}
