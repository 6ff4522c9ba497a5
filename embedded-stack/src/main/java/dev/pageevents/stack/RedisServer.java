package dev.pageevents.stack;

import dev.pageevents.stack.process.ForkedProcess;
import dev.pageevents.stack.process.Poll;
import dev.pageevents.stack.process.Ports;
import dev.pageevents.stack.process.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A redis-server process: {@code redis-server} from PATH when installed, else the Linux binary
 * shipped inside {@code com.github.codemonstur:embedded-redis}. Persistence (AOF, fsync every
 * second) is off unless asked for.
 */
public final class RedisServer extends ForkedServer {
  static final String HOST = "127.0.0.1";
  private static Path binary;

  private final int port;
  private final boolean persistent;
  private final List<String> extraConfig;
  private final int tlsPort;

  private RedisServer(
      String name, int port, boolean persistent, List<String> extraConfig, int tlsPort) {
    super(name);
    this.port = port;
    this.persistent = persistent;
    this.extraConfig = extraConfig;
    this.tlsPort = tlsPort;
  }

  private RedisServer(String name, int port, boolean persistent, List<String> extraConfig) {
    this(name, port, persistent, extraConfig, 0);
  }

  /** A non-persistent server on a free port; call {@link #start()}. */
  public static RedisServer create(String name) {
    return new RedisServer(name, Ports.free(), false, List.of());
  }

  /** A server with AOF persistence, so data survives stop/kill and start. */
  public static RedisServer persistent(String name) {
    return new RedisServer(name, Ports.free(), true, List.of());
  }

  /**
   * A non-persistent server that also accepts TLS on {@link #tlsPort()} with the given PEM
   * certificate, key and CA (client certificates not required); the plain port stays open for
   * set-up and readiness checks.
   */
  public static RedisServer tls(String name, Path cert, Path key, Path ca) {
    int tlsPort = Ports.free();
    return new RedisServer(
        name,
        Ports.free(),
        false,
        List.of(
            "tls-port " + tlsPort,
            "tls-cert-file " + cert.toAbsolutePath(),
            "tls-key-file " + key.toAbsolutePath(),
            "tls-ca-cert-file " + ca.toAbsolutePath(),
            "tls-auth-clients no"),
        tlsPort);
  }

  /** A cluster-enabled node (its bus listens on port + 10000). */
  static RedisServer clusterNode(String name) {
    return new RedisServer(
        name,
        Ports.freeWithOffsets(HOST, 10000),
        true,
        List.of(
            "cluster-enabled yes", "cluster-config-file nodes.conf", "cluster-node-timeout 5000"));
  }

  public int port() {
    return port;
  }

  /** The TLS port, or 0 when the server has none. */
  public int tlsPort() {
    return tlsPort;
  }

  @Override
  public String endpoint() {
    return "redis://" + HOST + ":" + port;
  }

  @Override
  protected void prepare() {
    List<String> config = new ArrayList<>();
    config.add("bind " + HOST);
    config.add("port " + port);
    config.add("dir " + dir.toAbsolutePath());
    config.add("protected-mode no");
    config.add("daemonize no");
    config.add("save \"\"");
    config.add("appendonly " + (persistent ? "yes" : "no"));
    config.add("appendfsync everysec");
    config.addAll(extraConfig);
    writeConfig("redis.conf", config);
  }

  @Override
  protected void checkPorts() {
    if (tlsPort > 0) {
      Ports.requireFree(name, HOST, port, tlsPort);
    } else if (extraConfig.isEmpty()) {
      Ports.requireFree(name, HOST, port);
    } else {
      Ports.requireFree(name, HOST, port, port + 10000);
    }
  }

  @Override
  protected List<String> command() {
    return List.of(binary().toString(), dir.resolve("redis.conf").toAbsolutePath().toString());
  }

  @Override
  protected void awaitReady(ForkedProcess process) {
    Poll.until(
        name + " answers PING",
        Duration.ofSeconds(20),
        process,
        () -> RespClient.pings(HOST, port));
  }

  /** Opens a raw connection for the stack's own commands (cluster set-up). */
  RespClient connect() {
    return new RespClient(HOST, port, 5000);
  }

  private static synchronized Path binary() {
    if (binary == null) {
      binary = onPath().orElseGet(RedisServer::extracted);
    }
    return binary;
  }

  private static java.util.Optional<Path> onPath() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "redis-server");
      if (Files.isExecutable(candidate)) {
        return java.util.Optional.of(candidate);
      }
    }
    return java.util.Optional.empty();
  }

  private static Path extracted() {
    String arch = System.getProperty("os.arch");
    String resource =
        arch.contains("aarch64") || arch.contains("arm64")
            ? "/redis-server-6.2.7-linux-arm64"
            : "/redis-server-6.2.6-v5-linux-amd64";
    if (!System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      throw new IllegalStateException(
          "No redis-server on PATH and the embedded binary is Linux-only here: install Redis or set REDIS_URI");
    }
    Path target =
        Workspace.createDirectories(Workspace.root().resolve("bin")).resolve("redis-server");
    try (InputStream in = RedisServer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("embedded-redis jar lacks " + resource);
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      target.toFile().setExecutable(true);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot extract redis-server to " + target, e);
    }
  }
}
