package dev.pageevents.pipeline.compare;

import dev.pageevents.core.view.StoreView;
import dev.pageevents.core.view.StoreViewFactory;
import dev.pageevents.core.view.StoreViews;
import java.util.Map;
import java.util.Optional;

/**
 * The five stores the pack writes to, in the order tables and the demo show them, each named by the
 * sink connector that feeds it. Everything about a store (its name, how to open its read view,
 * which config keys say where it is) comes from that sink's {@link StoreViewFactory}.
 */
public enum Store {
  MONGODB("dev.pageevents.mongo.MongoSinkConnector"),
  CASSANDRA("dev.pageevents.cassandra.CassandraSinkConnector"),
  ELASTICSEARCH("dev.pageevents.elasticsearch.ElasticsearchSinkConnector"),
  REDIS("dev.pageevents.redis.RedisSinkConnector"),
  NEO4J("dev.pageevents.neo4j.Neo4jSinkConnector");

  private final String connectorClass;

  Store(String connectorClass) {
    this.connectorClass = connectorClass;
  }

  /** How people call it, e.g. "MongoDB": the column header and the name in mismatches. */
  public String title() {
    return views().storeName();
  }

  /** The sink connector class that writes to this store. */
  public String connectorClass() {
    return connectorClass;
  }

  /** Whether this store's view offers visits per time bucket ({@link StoreView#timeBuckets()}). */
  public boolean keepsTimeBuckets() {
    return views().keepsTimeBuckets();
  }

  /** Opens this store's read view with the sink's connector config; the caller closes it. */
  public StoreView open(Map<String, String> config) {
    return views().open(config);
  }

  /**
   * The connector config keys (and values) that point the sink and its view at {@code endpoint}.
   */
  public Map<String, String> connection(String endpoint) {
    return views().connection(endpoint);
  }

  /** The store a connector config writes to, by its {@code connector.class}; empty for others. */
  public static Optional<Store> of(Map<String, String> connectorConfig) {
    String connector = connectorConfig.get("connector.class");
    for (Store store : values()) {
      if (store.connectorClass.equals(connector)) {
        return Optional.of(store);
      }
    }
    return Optional.empty();
  }

  private StoreViewFactory views() {
    return StoreViews.forConnector(connectorClass)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No StoreViewFactory for " + connectorClass + " on the class path"));
  }
}
