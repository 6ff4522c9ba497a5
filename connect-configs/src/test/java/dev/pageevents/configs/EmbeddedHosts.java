package dev.pageevents.configs;

import dev.pageevents.stack.CassandraServer;
import dev.pageevents.stack.SharedServers;
import java.util.List;
import java.util.Map;

/**
 * The compose host settings of each shipped config, and {@code --set} overrides that point them at
 * the embedded stack's servers instead (started on first use).
 */
final class EmbeddedHosts {
  /** The field that names the store's host(s) in each sink's config. */
  static final Map<String, String> HOST_FIELD =
      Map.of(
          "mongo-sink", "connection.uri",
          "cassandra-sink", "cassandra.contact.points",
          "elasticsearch-sink", "connection.urls",
          "redis-cache-sink", "redis.hosts",
          "neo4j-graph-sink", "neo4j.uri");

  private EmbeddedHosts() {}

  /** Overrides for one connector; none for the source, which reaches no store. */
  static List<String> overrides(String connector) {
    return switch (connector) {
      case "mongo-sink" -> set(connector, SharedServers.mongo().endpoint());
      case "cassandra-sink" -> {
        CassandraServer cassandra = SharedServers.cassandra();
        yield List.of(
            connector + ".cassandra.contact.points=" + cassandra.endpoint(),
            connector + ".cassandra.local.datacenter=" + cassandra.localDatacenter());
      }
      case "elasticsearch-sink" -> set(connector, SharedServers.elasticsearch().endpoint());
      case "redis-cache-sink" -> set(connector, redisHostPort());
      case "neo4j-graph-sink" -> set(connector, SharedServers.neo4j().endpoint());
      default -> List.of();
    };
  }

  /** "127.0.0.1:port" of the shared Redis (its endpoint is a redis:// URI). */
  static String redisHostPort() {
    return SharedServers.redis()
        .endpoint()
        .replaceFirst("^rediss?://", "")
        .replaceFirst("/.*$", "");
  }

  private static List<String> set(String connector, String value) {
    return List.of(connector + "." + HOST_FIELD.get(connector) + "=" + value);
  }
}
