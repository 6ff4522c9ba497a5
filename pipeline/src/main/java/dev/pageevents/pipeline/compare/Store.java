package dev.pageevents.pipeline.compare;

import dev.pageevents.cassandra.CassandraSinkConfig;
import dev.pageevents.cassandra.CassandraView;
import dev.pageevents.elasticsearch.ElasticsearchSinkConfig;
import dev.pageevents.elasticsearch.ElasticsearchView;
import dev.pageevents.mongo.MongoSinkConfig;
import dev.pageevents.mongo.MongoView;
import dev.pageevents.neo4j.Neo4jSinkConfig;
import dev.pageevents.neo4j.Neo4jView;
import dev.pageevents.redis.RedisSinkConfig;
import dev.pageevents.redis.RedisView;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The five stores the pack writes to: which sink connector feeds each one, how to open its read
 * view from that sink's connector config, and which config keys say where the store is.
 */
public enum Store {
  MONGODB("MongoDB", "dev.pageevents.mongo.MongoSinkConnector") {
    @Override
    public StoreReader open(Map<String, String> config) {
      MongoView view = MongoView.open(config);
      return new StoreReader(this, view::totalsByPage, view);
    }

    @Override
    public Map<String, String> connection(String endpoint) {
      return Map.of(MongoSinkConfig.CONNECTION_URI_CONFIG, endpoint);
    }
  },
  CASSANDRA("Cassandra", "dev.pageevents.cassandra.CassandraSinkConnector") {
    @Override
    public StoreReader open(Map<String, String> config) {
      CassandraView view = CassandraView.open(config);
      return new StoreReader(this, view::totalsByPage, view);
    }

    /** {@code host:port[,host:port...]}. */
    @Override
    public Map<String, String> connection(String endpoint) {
      return Map.of(CassandraSinkConfig.CONTACT_POINTS_CONFIG, endpoint);
    }
  },
  ELASTICSEARCH("Elasticsearch", "dev.pageevents.elasticsearch.ElasticsearchSinkConnector") {
    @Override
    public StoreReader open(Map<String, String> config) {
      ElasticsearchView view = ElasticsearchView.open(config);
      return new StoreReader(this, view::totalsByPage, view);
    }

    @Override
    public Map<String, String> connection(String endpoint) {
      return Map.of(ElasticsearchSinkConfig.URLS_CONFIG, endpoint);
    }
  },
  REDIS("Redis", "dev.pageevents.redis.RedisSinkConnector") {
    @Override
    public StoreReader open(Map<String, String> config) {
      RedisView view = RedisView.open(config);
      return new StoreReader(this, view::totalsByPage, view);
    }

    /** {@code redis://host:port} (standalone) or {@code host:port,host:port} (Cluster). */
    @Override
    public Map<String, String> connection(String endpoint) {
      if (endpoint.startsWith("redis://")) {
        URI uri = URI.create(endpoint);
        return Map.of(
            RedisSinkConfig.MODE_CONFIG,
            "standalone",
            RedisSinkConfig.HOSTS_CONFIG,
            uri.getHost() + ":" + uri.getPort());
      }
      return Map.of(RedisSinkConfig.MODE_CONFIG, "cluster", RedisSinkConfig.HOSTS_CONFIG, endpoint);
    }
  },
  NEO4J("Neo4j", "dev.pageevents.neo4j.Neo4jSinkConnector") {
    @Override
    public StoreReader open(Map<String, String> config) {
      Neo4jView view = Neo4jView.open(config);
      return new StoreReader(this, view::totalsByPage, view);
    }

    /** A bolt URI; the embedded server (and an external one by NEO4J_URI) has no auth. */
    @Override
    public Map<String, String> connection(String endpoint) {
      return Map.of(Neo4jSinkConfig.URI_CONFIG, endpoint, Neo4jSinkConfig.USER_CONFIG, "");
    }
  };

  private final String title;
  private final String connectorClass;

  Store(String title, String connectorClass) {
    this.title = title;
    this.connectorClass = connectorClass;
  }

  /** How people call it, e.g. "MongoDB": the column header and the name in mismatches. */
  public String title() {
    return title;
  }

  /** The sink connector class that writes to this store. */
  public String connectorClass() {
    return connectorClass;
  }

  /** Opens this store's read view with the sink's connector config; the caller closes it. */
  public abstract StoreReader open(Map<String, String> config);

  /**
   * The connector config keys (and values) that point the sink and its view at {@code endpoint}.
   */
  public abstract Map<String, String> connection(String endpoint);

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
}
