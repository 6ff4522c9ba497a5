package dev.pageevents.pipeline.demo;

import dev.pageevents.pipeline.compare.Store;
import dev.pageevents.stack.CassandraServer;
import dev.pageevents.stack.ElasticsearchServer;
import dev.pageevents.stack.KafkaConnectProcesses;
import dev.pageevents.stack.MongoServer;
import dev.pageevents.stack.Neo4jServer;
import dev.pageevents.stack.RedisClusterServer;
import dev.pageevents.stack.RedisServer;
import dev.pageevents.stack.SharedServers;
import dev.pageevents.stack.StoreServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Everything the demo runs: a Kafka broker and a distributed Connect worker in their own JVMs (the
 * plugin archives on its plugin.path, REST on a fixed port) and the five stores from
 * embedded-stack, each replaced by an external server when its environment variable is set ({@code
 * MONGO_URI}, {@code CASSANDRA_CONTACT_POINTS}, {@code ELASTICSEARCH_URL}, {@code REDIS_URI},
 * {@code NEO4J_URI}); Redis keeps an append-only file, so a store restart loses nothing. Started in
 * parallel; {@link #close()} stops all of it (the worker before the broker) and deletes the
 * embedded servers' data; external servers are left alone.
 */
public final class DemoStack implements AutoCloseable {
  /** Tries per server: a loaded machine can make a server miss embedded-stack's start timeout. */
  private static final int START_ATTEMPTS = 3;

  private final KafkaConnectProcesses kafka;
  private final Map<Store, StoreServer> stores;

  private DemoStack(KafkaConnectProcesses kafka, Map<Store, StoreServer> stores) {
    this.kafka = kafka;
    this.stores = stores;
  }

  /** Starts the servers, printing each one's start time; on failure stops what started. */
  public static DemoStack start(int connectPort, Path pluginPath, PrintStream out) {
    return start(KafkaConnectProcesses.builder().restPort(connectPort).pluginPath(pluginPath), out);
  }

  /**
   * Like {@link #start(int, Path, PrintStream)} with Kafka and Connect as the builder says (several
   * workers, JMX, worker properties), for the fault tests and the soak.
   */
  public static DemoStack start(KafkaConnectProcesses.Builder kafkaConnect, PrintStream out) {
    return start(kafkaConnect, Map.of(), out);
  }

  /**
   * Like {@link #start(KafkaConnectProcesses.Builder, PrintStream)} with some stores' embedded
   * servers made by {@code embedded} instead of the demo's single nodes (e.g. the clusters of the
   * cluster fault test); an environment variable naming an external server still wins.
   */
  public static DemoStack start(
      KafkaConnectProcesses.Builder kafkaConnect,
      Map<Store, Supplier<? extends StoreServer>> embedded,
      PrintStream out) {
    Map<Store, StoreServer> stores = new EnumMap<>(Store.class);
    // Two at a time, slowest first: six JVMs starting at once starve a 2-core machine.
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<CompletableFuture<?>> starts = new ArrayList<>();
    CompletableFuture<Object> kafka =
        timed("Kafka + Connect worker", out, pool, () -> own(() -> kafkaConnect.build()));
    starts.add(kafka);
    starts.add(
        store(
            Store.CASSANDRA,
            CassandraServer.CONTACT_POINTS_ENV,
            SharedServers::cassandra,
            embedded.getOrDefault(
                Store.CASSANDRA, () -> CassandraServer.create("demo-cassandra", 1)),
            stores,
            out,
            pool));
    starts.add(
        store(
            Store.NEO4J,
            SharedServers.NEO4J_ENV,
            SharedServers::neo4j,
            // page cache for ~2M events at 88 bytes each (docs/benchmarks.md): --events and soaks
            () -> Neo4jServer.create("demo-neo4j").memory("512m", "256m"),
            stores,
            out,
            pool));
    starts.add(
        store(
            Store.ELASTICSEARCH,
            ElasticsearchServer.URL_ENV,
            SharedServers::elasticsearch,
            embedded.getOrDefault(
                Store.ELASTICSEARCH, () -> ElasticsearchServer.create("demo-elasticsearch", 1)),
            stores,
            out,
            pool));
    starts.add(
        store(
            Store.MONGODB,
            MongoServer.URI_ENV,
            () -> MongoServer.create("demo-mongo"),
            () -> MongoServer.create("demo-mongo"),
            stores,
            out,
            pool));
    starts.add(
        store(
            Store.REDIS,
            SharedServers.REDIS_ENV,
            SharedServers::redis,
            embedded.getOrDefault(Store.REDIS, () -> RedisServer.persistent("demo-redis")),
            stores,
            out,
            pool));
    try {
      CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
      return new DemoStack((KafkaConnectProcesses) kafka.join(), stores);
    } catch (CompletionException e) {
      new DemoStack(
              kafka.isCompletedExceptionally() ? null : (KafkaConnectProcesses) kafka.join(),
              stores)
          .close();
      throw e.getCause() instanceof RuntimeException r ? r : e;
    } finally {
      pool.shutdown();
    }
  }

  /** Starts one store: the external one its variable names, else an embedded one of our own. */
  private static CompletableFuture<Object> store(
      Store store,
      String variable,
      Supplier<? extends StoreServer> external,
      Supplier<? extends StoreServer> embedded,
      Map<Store, StoreServer> stores,
      PrintStream out,
      ExecutorService pool) {
    return timed(
        store.title(),
        out,
        pool,
        () ->
            put(stores, store, () -> external(variable) ? startExternal(external) : own(embedded)));
  }

  private static StoreServer startExternal(Supplier<? extends StoreServer> server) {
    StoreServer started = server.get();
    started.start();
    return started;
  }

  /** True when the variable names an external server to use instead of an embedded one. */
  private static boolean external(String variable) {
    String value = System.getenv(variable);
    return value != null && !value.isBlank();
  }

  /**
   * A fresh embedded server of the demo's own (not the JVM-wide shared one), started; more tries
   * with a new one when one does not come up (a starved machine can miss a start timeout, a port
   * picked free can be taken by another process before the server binds it).
   */
  private static StoreServer own(Supplier<? extends StoreServer> factory) {
    for (int attempt = 1; ; attempt++) {
      StoreServer server = factory.get();
      try {
        server.start();
        return server;
      } catch (RuntimeException e) {
        server.close();
        if (attempt == START_ATTEMPTS) {
          throw e;
        }
        System.err.println("Retrying after a failed start: " + e.getMessage());
      }
    }
  }

  private static Object put(
      Map<Store, StoreServer> stores, Store store, Supplier<? extends StoreServer> server) {
    StoreServer started = server.get();
    synchronized (stores) {
      stores.put(store, started);
    }
    return started;
  }

  private static CompletableFuture<Object> timed(
      String name, PrintStream out, ExecutorService pool, Supplier<Object> start) {
    return CompletableFuture.supplyAsync(
        () -> {
          long begin = System.nanoTime();
          Object server = start.get();
          String where = "";
          if (server instanceof StoreServer s && s.external()) {
            where = " (external: " + s.endpoint() + ")";
          } else if (server instanceof MongoServer m && m.kind() == MongoServer.Kind.STAND_IN) {
            where = " (the mongo-java-server stand-in, not a real mongod: set MONGO_URI for one)";
          }
          out.printf(
              "  %-24s ready in %5.1f s%s%n", name, (System.nanoTime() - begin) / 1e9, where);
          return server;
        },
        pool);
  }

  /** The broker and the workers, for faults (restart the broker, kill a worker) and sampling. */
  public KafkaConnectProcesses kafka() {
    return kafka;
  }

  /** The Kafka brokers, indexed by node id - 1. */
  public List<StoreServer> brokers() {
    return List.copyOf(kafka.brokers());
  }

  /** Per system (Kafka, then each store), its nodes; external servers are left out. */
  public Map<String, List<StoreServer>> nodes() {
    Map<String, List<StoreServer>> nodes = new LinkedHashMap<>();
    nodes.put("Kafka", brokers());
    synchronized (stores) {
      stores.forEach(
          (store, server) -> {
            if (!server.external()) {
              nodes.put(store.title(), members(server));
            }
          });
    }
    return nodes;
  }

  /** Per system, where its nodes listen: what the live view probes to show them up or down. */
  public Map<String, List<String>> nodeEndpoints() {
    Map<String, List<String>> endpoints = new LinkedHashMap<>();
    nodes()
        .forEach(
            (system, servers) ->
                endpoints.put(system, servers.stream().map(StoreServer::endpoint).toList()));
    return endpoints;
  }

  /** The nodes of a store that runs on several, or the server itself. */
  static List<StoreServer> members(StoreServer server) {
    if (server instanceof CassandraServer ring) {
      return members(ring.size(), ring::node);
    } else if (server instanceof ElasticsearchServer cluster) {
      return members(cluster.size(), cluster::node);
    } else if (server instanceof RedisClusterServer cluster) {
      return members(cluster.size(), cluster::node);
    }
    return List.of(server);
  }

  private static List<StoreServer> members(int size, IntFunction<StoreServer> node) {
    return IntStream.range(0, size).mapToObj(node).toList();
  }

  /** One store's server, for faults ({@code stop()/start()}, {@code pause()/resume()}). */
  public StoreServer store(Store store) {
    synchronized (stores) {
      return stores.get(store);
    }
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  public String connectUrl() {
    return kafka.connectUrl();
  }

  /**
   * Where each store's clients connect, in the form its sink's connection settings take (every node
   * of an Elasticsearch cluster, so clients fail over).
   */
  public Map<Store, String> endpoints() {
    Map<Store, String> endpoints = new EnumMap<>(Store.class);
    stores.forEach(
        (store, server) ->
            endpoints.put(
                store,
                server instanceof ElasticsearchServer nodes
                    ? String.join(",", nodes.endpoints())
                    : server.endpoint()));
    return endpoints;
  }

  /** The Cassandra data centre the driver must name as local. */
  public String cassandraDatacenter() {
    return ((CassandraServer) stores.get(Store.CASSANDRA)).localDatacenter();
  }

  /** Stops the worker, the broker and every embedded store (external ones are left alone). */
  @Override
  public void close() {
    List<RuntimeException> failures = new ArrayList<>();
    if (kafka != null) {
      run(kafka::close, failures);
    }
    synchronized (stores) {
      stores.values().forEach(server -> run(server::close, failures));
    }
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
  }

  private static void run(Runnable step, List<RuntimeException> failures) {
    try {
      step.run();
    } catch (RuntimeException e) {
      failures.add(e);
    }
  }
}
