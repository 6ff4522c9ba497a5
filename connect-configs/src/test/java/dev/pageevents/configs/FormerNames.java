package dev.pageevents.configs;

import java.util.HashMap;
import java.util.Map;

/**
 * The setting names the sinks had before the renames of issue 17 (old name → new name), as users
 * wrote them: the sinks still accept each of them as a deprecated alias.
 */
final class FormerNames {
  private FormerNames() {}

  static final Map<String, Map<String, String>> BY_CONNECTOR =
      Map.of(
          "cassandra-sink",
          Map.of(
              "cassandra.contact.points", "cassandra.hosts",
              "cassandra.ssl.truststore.path", "cassandra.ssl.truststore.location"),
          "elasticsearch-sink",
          Map.of(
              "connection.urls", "elasticsearch.urls",
              "connection.username", "elasticsearch.username",
              "connection.password", "elasticsearch.password",
              "connection.api.key", "elasticsearch.api.key",
              "connection.truststore.path", "elasticsearch.ssl.truststore.location",
              "connection.truststore.password", "elasticsearch.ssl.truststore.password",
              "connection.timeout.ms", "elasticsearch.connect.timeout.ms",
              "read.timeout.ms", "elasticsearch.read.timeout.ms"),
          "mongo-sink",
          Map.of(
              "connection.uri", "mongodb.uri",
              "database", "mongodb.database",
              "collection", "mongodb.collection",
              "server.selection.timeout.ms", "mongodb.server.selection.timeout.ms"),
          "neo4j-graph-sink",
          Map.of(
              "neo4j.user", "neo4j.username",
              "neo4j.encryption.enabled", "neo4j.ssl.enabled",
              "neo4j.trust.strategy", "neo4j.ssl.trust.strategy",
              "neo4j.trust.ca.file", "neo4j.ssl.ca.location"),
          "redis-cache-sink",
          Map.of("redis.user", "redis.username"));

  /** The config with every setting that has a former name written under that name instead. */
  static Map<String, String> writtenTheOldWay(String connector, Map<String, String> config) {
    Map<String, String> old = new HashMap<>(config);
    BY_CONNECTOR
        .getOrDefault(connector, Map.of())
        .forEach(
            (oldName, newName) -> {
              if (old.containsKey(newName)) {
                old.put(oldName, old.remove(newName));
              }
            });
    return old;
  }
}
