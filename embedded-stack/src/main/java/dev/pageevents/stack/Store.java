package dev.pageevents.stack;

import java.util.function.Supplier;

/** The kinds of shared store servers, for {@link SharedServer} parameters. */
public enum Store {
  REDIS(SharedServers::redis),
  REDIS_CLUSTER(SharedServers::redisCluster),
  NEO4J(SharedServers::neo4j),
  CASSANDRA(SharedServers::cassandra),
  ELASTICSEARCH(SharedServers::elasticsearch),
  MONGO(SharedServers::mongo);

  private final Supplier<StoreServer> shared;

  Store(Supplier<StoreServer> shared) {
    this.shared = shared;
  }

  /** The JVM-wide shared server of this kind, started on first use. */
  public StoreServer shared() {
    return shared.get();
  }
}
