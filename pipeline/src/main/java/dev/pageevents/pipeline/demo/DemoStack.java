package dev.pageevents.pipeline.demo;

import dev.pageevents.pipeline.compare.Store;
import dev.pageevents.stack.CassandraServer;
import dev.pageevents.stack.ElasticsearchServer;
import dev.pageevents.stack.KafkaConnectProcesses;
import dev.pageevents.stack.MongoServer;
import dev.pageevents.stack.Neo4jServer;
import dev.pageevents.stack.RedisServer;
import dev.pageevents.stack.SharedServers;
import dev.pageevents.stack.StoreServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Everything the demo runs: a Kafka broker and a distributed Connect worker in their own JVMs (the
 * plugin archives on its plugin.path, REST on a fixed port) and the five stores from
 * embedded-stack, each replaced by an external server when its environment variable is set ({@code
 * MONGO_URI}, {@code CASSANDRA_CONTACT_POINTS}, {@code ELASTICSEARCH_URL}, {@code REDIS_URI},
 * {@code NEO4J_URI}). Started in parallel; {@link #close()} stops all of it (the worker before the
 * broker) and deletes the embedded servers' data; external servers are left alone.
 */
public final class DemoStack implements AutoCloseable {
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
    KafkaConnectProcesses kafka = kafkaConnect.build();
    Map<Store, StoreServer> stores = new EnumMap<>(Store.class);
    List<CompletableFuture<?>> starts = new ArrayList<>();
    starts.add(timed("Kafka + Connect worker", out, () -> start(kafka)));
    starts.add(
        timed(
            "MongoDB",
            out,
            () -> put(stores, Store.MONGODB, () -> own(MongoServer.create("demo-mongo")))));
    starts.add(
        timed(
            "Cassandra",
            out,
            () ->
                put(
                    stores,
                    Store.CASSANDRA,
                    () ->
                        external(CassandraServer.CONTACT_POINTS_ENV)
                            ? SharedServers.cassandra()
                            : own(CassandraServer.create("demo-cassandra", 1)))));
    starts.add(
        timed(
            "Elasticsearch",
            out,
            () ->
                put(
                    stores,
                    Store.ELASTICSEARCH,
                    () ->
                        external(ElasticsearchServer.URL_ENV)
                            ? SharedServers.elasticsearch()
                            : own(ElasticsearchServer.create("demo-elasticsearch", 1)))));
    starts.add(
        timed(
            "Redis",
            out,
            () ->
                put(
                    stores,
                    Store.REDIS,
                    () ->
                        external(SharedServers.REDIS_ENV)
                            ? SharedServers.redis()
                            : own(RedisServer.create("demo-redis")))));
    starts.add(
        timed(
            "Neo4j",
            out,
            () ->
                put(
                    stores,
                    Store.NEO4J,
                    () ->
                        external(SharedServers.NEO4J_ENV)
                            ? SharedServers.neo4j()
                            : own(Neo4jServer.create("demo-neo4j")))));
    DemoStack stack = new DemoStack(kafka, stores);
    try {
      CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      stack.close();
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    return stack;
  }

  /** True when the variable names an external server to use instead of an embedded one. */
  private static boolean external(String variable) {
    String value = System.getenv(variable);
    return value != null && !value.isBlank();
  }

  /** A fresh embedded server of the demo's own (not the JVM-wide shared one), started. */
  private static <S extends StoreServer> S own(S server) {
    try {
      server.start();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private static Object start(KafkaConnectProcesses kafka) {
    kafka.start();
    return kafka;
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
      String name, PrintStream out, Supplier<Object> start) {
    return CompletableFuture.supplyAsync(
        () -> {
          long begin = System.nanoTime();
          Object server = start.get();
          String where =
              server instanceof StoreServer s && s.external()
                  ? " (external: " + s.endpoint() + ")"
                  : "";
          out.printf(
              "  %-24s ready in %5.1f s%s%n", name, (System.nanoTime() - begin) / 1e9, where);
          return server;
        });
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  public String connectUrl() {
    return kafka.connectUrl();
  }

  /** The broker and the workers, for faults (restart the broker, kill a worker) and sampling. */
  public KafkaConnectProcesses kafka() {
    return kafka;
  }

  /** One store's server, for faults ({@code stop()/start()}, {@code pause()/resume()}). */
  public StoreServer store(Store store) {
    synchronized (stores) {
      return stores.get(store);
    }
  }

  /** Where each store's clients connect, in the form its sink's connection settings take. */
  public Map<Store, String> endpoints() {
    Map<Store, String> endpoints = new EnumMap<>(Store.class);
    stores.forEach((store, server) -> endpoints.put(store, server.endpoint()));
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
    run(kafka::close, failures);
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
