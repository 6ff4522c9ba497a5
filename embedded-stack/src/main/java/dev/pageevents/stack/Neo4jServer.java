package dev.pageevents.stack;

import dev.pageevents.stack.process.ForkedProcess;
import dev.pageevents.stack.process.JavaCommand;
import dev.pageevents.stack.process.Poll;
import dev.pageevents.stack.process.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Neo4j 5.26 Community in its own JVM ({@code CommunityEntryPoint}), Bolt without auth, keeping its
 * Lucene and Netty out of the test JVM. Unlike the other servers it runs with the full (C2) JIT:
 * with C1 only, Cypher's runtime wrote half as many events per second (docs/benchmarks.md).
 */
public final class Neo4jServer extends ForkedServer {
  private static final String HOST = "127.0.0.1";

  private final int boltPort;
  private final int httpPort;
  private final boolean auth;
  private String heap = "512m";
  private String pageCache = "64m";

  private Neo4jServer(String name, boolean auth) {
    super(name);
    this.boltPort = Ports.free();
    this.httpPort = Ports.free();
    this.auth = auth;
  }

  /** A server on free ports; call {@link #start()}. */
  public static Neo4jServer create(String name) {
    return new Neo4jServer(name, false);
  }

  /**
   * A server with basic auth on: the initial user neo4j/neo4j must set a new password first ({@code
   * ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO ...} on the system database).
   */
  public static Neo4jServer withAuth(String name) {
    return new Neo4jServer(name, true);
  }

  /**
   * Sets the JVM heap and the page cache (Neo4j sizes such as "512m", "1g") before the first start.
   * The page cache should hold the store: 88 bytes per event measured for 10,000 users and 500 zipf
   * pages (167 MB at 2,000,000 events, docs/benchmarks.md), plus half again. The defaults (512m,
   * 64m) hold about 500,000 such events: the tests and the demo's 100,000; the benchmarks use 256m.
   */
  public Neo4jServer memory(String heap, String pageCache) {
    this.heap = heap;
    this.pageCache = pageCache;
    return this;
  }

  /**
   * Bytes of the database's store files (nodes, relationships, properties, indexes; not the
   * transaction logs): what the page cache must hold for every read to stay in memory.
   */
  public long storeBytes() {
    Path store = dir.resolve("data/databases/neo4j");
    try (Stream<Path> files = Files.walk(store)) {
      return files.filter(Files::isRegularFile).mapToLong(Neo4jServer::size).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot measure " + store, e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // removed while walking (a rotated or checkpointed file)
    }
  }

  @Override
  public String endpoint() {
    return "bolt://" + HOST + ":" + boltPort;
  }

  /** The HTTP API, e.g. for the Neo4j Browser during the demo. */
  public String httpUrl() {
    return "http://" + HOST + ":" + httpPort;
  }

  @Override
  protected void prepare() {
    List<String> config =
        List.of(
            "server.default_listen_address=" + HOST,
            "server.default_advertised_address=" + HOST,
            "server.bolt.listen_address=:" + boltPort,
            "server.http.listen_address=:" + httpPort,
            "server.https.enabled=false",
            "dbms.security.auth_enabled=" + auth,
            "server.memory.pagecache.size=" + pageCache,
            "dbms.usage_report.enabled=false",
            "server.logs.debug.enabled=false");
    writeConfig("conf/neo4j.conf", config);
  }

  @Override
  protected void checkPorts() {
    Ports.requireFree(name, HOST, boltPort, httpPort);
  }

  @Override
  protected List<String> command() {
    String home = dir.toAbsolutePath().toString();
    return JavaCommand.of(Path.of(System.getProperty("java.home")), "neo4j")
        .jvm(
            "-Xms128m",
            "-Xmx" + heap,
            "-XX:+UseG1GC",
            "-Dio.netty.tryReflectionSetAccessible=true",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED")
        .build(
            dir,
            "org.neo4j.server.CommunityEntryPoint",
            "--home-dir=" + home,
            "--config-dir=" + dir.resolve("conf").toAbsolutePath());
  }

  @Override
  protected Duration stopGrace() {
    return Duration.ofSeconds(40);
  }

  @Override
  protected void awaitReady(ForkedProcess process) {
    Poll.until(
        name + " serves Bolt and HTTP",
        Duration.ofSeconds(90),
        process,
        () -> Ports.accepts(HOST, boltPort) && httpAnswers());
  }

  private boolean httpAnswers() {
    return Http.status(httpUrl() + "/") == 200;
  }
}
