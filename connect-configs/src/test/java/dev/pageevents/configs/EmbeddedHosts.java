package dev.pageevents.configs;

import dev.pageevents.stack.CassandraServer;
import dev.pageevents.stack.SharedServers;
import java.util.List;

/**
 * The compose host settings of each shipped config, and {@code --set} overrides that point them at
 * the embedded stack's servers instead (started on first use).
 */
final class EmbeddedHosts {
  private EmbeddedHosts() {}

  /** Overrides for one connector; none for the source, which reaches no store. */
  static List<String> overrides(String connector) {
    return switch (connector) {
      case "mongo-sink" -> set(connector, SharedServers.mongo().endpoint());
      case "cassandra-sink" -> {
        CassandraServer cassandra = SharedServers.cassandra();
        yield List.of(
            connector + ".cassandra.hosts=" + cassandra.endpoint(),
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
    return List.of(
        connector + "." + ConnectorConfigs.STORE_ADDRESS_KEYS.get(connector) + "=" + value);
  }
}
