package dev.pageevents.stack;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One server per kind per JVM, started on first use and closed (killed, data deleted) by a shutdown
 * hook; each is replaced by an external one when its environment variable is set: {@code
 * REDIS_URI}, {@code REDIS_CLUSTER_NODES}, {@code NEO4J_URI}, {@code CASSANDRA_CONTACT_POINTS} (+
 * {@code CASSANDRA_LOCAL_DATACENTER}), {@code ELASTICSEARCH_URL}, {@code MONGO_URI}.
 */
public final class SharedServers {
  public static final String REDIS_ENV = "REDIS_URI";
  public static final String NEO4J_ENV = "NEO4J_URI";

  private static final Map<String, StoreServer> SERVERS = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> SERVERS.values().forEach(StoreServer::close), "shared-servers-close"));
  }

  private SharedServers() {}

  public static StoreServer redis() {
    return shared("redis", () -> externalOr(REDIS_ENV, () -> RedisServer.create("shared-redis")));
  }

  public static RedisClusterServer redisCluster() {
    return shared(
        "redis-cluster",
        () -> {
          String nodes = Env.get(RedisClusterServer.NODES_ENV);
          return nodes != null
              ? RedisClusterServer.external(nodes)
              : RedisClusterServer.create("shared-redis-cluster");
        });
  }

  public static StoreServer neo4j() {
    return shared("neo4j", () -> externalOr(NEO4J_ENV, () -> Neo4jServer.create("shared-neo4j")));
  }

  public static CassandraServer cassandra() {
    return shared(
        "cassandra",
        () -> {
          String points = Env.get(CassandraServer.CONTACT_POINTS_ENV);
          return points != null
              ? CassandraServer.external(points)
              : CassandraServer.create("shared-cassandra", 1);
        });
  }

  public static StoreServer elasticsearch() {
    return shared(
        "elasticsearch",
        () -> {
          String url = Env.get(ElasticsearchServer.URL_ENV);
          return url != null
              ? ElasticsearchServer.external(url)
              : ElasticsearchServer.create("shared-elasticsearch", 1);
        });
  }

  public static MongoServer mongo() {
    return shared("mongo", () -> MongoServer.create("shared-mongo"));
  }

  private static StoreServer externalOr(String variable, Supplier<StoreServer> embedded) {
    String endpoint = Env.get(variable);
    return endpoint != null ? new ExternalServer(variable, endpoint) : embedded.get();
  }

  /** The started server of one kind, creating and starting it on first use. */
  @SuppressWarnings("unchecked")
  private static synchronized <S extends StoreServer> S shared(String kind, Supplier<S> factory) {
    S server = (S) SERVERS.get(kind);
    if (server == null) {
      S created = factory.get();
      try {
        created.start();
      } catch (RuntimeException e) {
        created.close();
        throw e;
      }
      SERVERS.put(kind, created);
      server = created;
    }
    return server;
  }
}
