package dev.pageevents.stack;

import dev.pageevents.stack.process.ForkedProcess;
import dev.pageevents.stack.process.JavaCommand;
import dev.pageevents.stack.process.Poll;
import dev.pageevents.stack.process.Ports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One Cassandra 5.0 node ({@code CassandraDaemon}) in its own JVM on JDK 11 or 17. */
final class CassandraNode extends ForkedServer {
  /** Names a JDK 17 to run Cassandra with when the build's own JDK is another version. */
  static final String JAVA_HOME_ENV = "CASSANDRA_JAVA_HOME";

  private static final List<String> EXPORTS =
      List.of(
          "java.base/jdk.internal.misc",
          "java.base/jdk.internal.ref",
          "java.base/sun.nio.ch",
          "java.base/java.lang.ref",
          "java.management.rmi/com.sun.jmx.remote.internal.rmi",
          "java.rmi/sun.rmi.registry",
          "java.rmi/sun.rmi.server",
          "java.sql/java.sql",
          "jdk.unsupported/sun.misc");
  private static final List<String> OPENS =
      List.of(
          "java.base/java.lang.module",
          "java.base/jdk.internal.loader",
          "java.base/jdk.internal.ref",
          "java.base/jdk.internal.reflect",
          "java.base/jdk.internal.math",
          "java.base/jdk.internal.module",
          "java.base/jdk.internal.util.jar",
          "java.base/sun.nio.ch",
          "java.base/java.io",
          "java.base/java.nio",
          "java.base/java.util",
          "java.base/java.util.concurrent",
          "java.base/java.util.concurrent.atomic",
          "java.base/java.lang",
          "java.base/java.math",
          "java.base/java.lang.reflect",
          "java.base/java.net",
          "jdk.management/com.sun.management.internal");

  private final String host;
  private final String seed;
  private final int storagePort;
  private final int nativePort;
  private final boolean inRing;
  private final boolean passwordAuth;

  CassandraNode(
      String name, String host, String seed, int storagePort, int nativePort, boolean inRing) {
    this(name, host, seed, storagePort, nativePort, inRing, false);
  }

  CassandraNode(
      String name,
      String host,
      String seed,
      int storagePort,
      int nativePort,
      boolean inRing,
      boolean passwordAuth) {
    super(name);
    this.host = host;
    this.seed = seed;
    this.storagePort = storagePort;
    this.nativePort = nativePort;
    this.inRing = inRing;
    this.passwordAuth = passwordAuth;
  }

  @Override
  public String endpoint() {
    return host + ":" + nativePort;
  }

  String host() {
    return host;
  }

  int nativePort() {
    return nativePort;
  }

  /**
   * Whether this node has gossiped {@code peer} into state NORMAL, which is when it lists the peer
   * with its tokens in {@code system.peers_v2} (what drivers read to discover a ring). Read from
   * the node's log: the server's default logging prints these lines at DEBUG.
   */
  boolean seesNormal(CassandraNode peer) {
    String line = "Node /" + peer.host + ":" + peer.storagePort + " state NORMAL";
    try {
      return Files.readString(log(), StandardCharsets.UTF_8).contains(line);
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  protected void prepare() {
    String d = dir.toAbsolutePath().toString();
    List<String> yaml =
        new ArrayList<>(
            List.of(
                "cluster_name: pageevents",
                "num_tokens: 16",
                "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
                "endpoint_snitch: SimpleSnitch",
                // Acknowledge a write only once its commit log is fsynced: with the periodic
                // default a kill -9 loses up to 10 s of acknowledged writes (see cassandra-sink).
                "commitlog_sync: batch",
                "data_file_directories: [" + d + "/data]",
                "commitlog_directory: " + d + "/commitlog",
                "saved_caches_directory: " + d + "/saved_caches",
                "hints_directory: " + d + "/hints",
                "cdc_raw_directory: " + d + "/cdc_raw",
                "seed_provider:",
                "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
                "    parameters:",
                "      - seeds: \"" + seed + ":" + storagePort + "\"",
                "listen_address: " + host,
                "rpc_address: " + host,
                "storage_port: " + storagePort,
                "native_transport_port: " + nativePort,
                "start_native_transport: true",
                "concurrent_compactors: 1"));
    if (passwordAuth) {
      yaml.add("authenticator: PasswordAuthenticator");
      yaml.add("authorizer: CassandraAuthorizer");
    }
    writeConfig("cassandra.yaml", yaml);
  }

  @Override
  protected void checkPorts() {
    Ports.requireFree(name, host, storagePort, nativePort);
  }

  @Override
  protected List<String> command() {
    List<String> flags = new ArrayList<>();
    flags.addAll(
        List.of(
            "-Xms256m",
            "-Xmx512m",
            "-Xss256k",
            "-XX:+UseG1GC",
            "-Djava.net.preferIPv4Stack=true",
            "-Djdk.attach.allowAttachSelf=true",
            "-Dio.netty.tryReflectionSetAccessible=true",
            "-Dcassandra.config=" + dir.resolve("cassandra.yaml").toUri(),
            "-Dcassandra-foreground=yes",
            "-Dcassandra.storagedir=" + dir.toAbsolutePath(),
            "-Dcassandra.skip_wait_for_gossip_to_settle=0",
            "-Dcassandra.superuser_setup_delay_ms=0"));
    flags.addAll(jitFlags());
    if (inRing) {
      flags.add("-Dcassandra.ring_delay_ms=5000");
    }
    EXPORTS.forEach(p -> flags.add("--add-exports=" + p + "=ALL-UNNAMED"));
    OPENS.forEach(p -> flags.add("--add-opens=" + p + "=ALL-UNNAMED"));
    return JavaCommand.of(javaHome(), "cassandra")
        .jvm(flags.toArray(String[]::new))
        .build(dir, "org.apache.cassandra.service.CassandraDaemon");
  }

  @Override
  protected void awaitReady(ForkedProcess process) {
    Poll.until(
        name + " accepts CQL on " + endpoint(),
        Duration.ofSeconds(120),
        process,
        () -> Ports.accepts(host, nativePort));
  }

  /** The JDK to run Cassandra on; fails with what to do when it is not 11 or 17. */
  static Path javaHome() {
    String configured = Env.get(JAVA_HOME_ENV);
    return requireSupportedJdk(
        Path.of(configured != null ? configured : System.getProperty("java.home")));
  }

  /** {@code home} when it is a JDK 11 or 17, else a failure saying what to set. */
  static Path requireSupportedJdk(Path home) {
    String version = javaVersion(home);
    if (!version.startsWith("17") && !version.startsWith("11")) {
      throw new IllegalStateException(
          "Cassandra 5.0 runs on JDK 11 or 17 only, but "
              + home
              + " is JDK "
              + version
              + ": set "
              + JAVA_HOME_ENV
              + " to a JDK 17, or CASSANDRA_CONTACT_POINTS to use an external Cassandra");
    }
    return home;
  }

  private static String javaVersion(Path home) {
    try {
      return Files.readAllLines(home.resolve("release"), StandardCharsets.UTF_8).stream()
          .filter(line -> line.startsWith("JAVA_VERSION="))
          .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return home.equals(Path.of(System.getProperty("java.home")))
          ? Integer.toString(Runtime.version().feature())
          : "unknown (no " + home.resolve("release") + ")";
    }
  }
}
