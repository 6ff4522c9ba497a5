package dev.pageevents.stack;

import dev.pageevents.stack.process.ForkedProcess;
import dev.pageevents.stack.process.JavaCommand;
import dev.pageevents.stack.process.Poll;
import dev.pageevents.stack.process.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One KRaft Kafka node, broker and controller combined ({@code kafka.Kafka}), in its own JVM: a
 * single node, or one of a cluster whose nodes all vote in the controller quorum. It runs the
 * build's server Kafka ({@code kafka.servers.version}, the {@code kafka.classpath} resource).
 */
public final class KafkaBrokerServer extends ForkedServer {
  private final int nodeId;
  private final String host;
  private final int port;
  private final int controllerPort;
  private final String quorumVoters;
  private final String clusterId;
  private final int replicationFactor;
  private final List<String> jvmOptions;

  /**
   * @param quorumVoters {@code controller.quorum.voters} of the whole cluster ("id@host:port,...")
   * @param clusterId the cluster id every node's storage is formatted with
   * @param replicationFactor the cluster's size: replication factor of the internal topics and new
   *     topics; {@code min.insync.replicas} is one less (at least 1)
   */
  KafkaBrokerServer(
      String name,
      int nodeId,
      String host,
      int port,
      int controllerPort,
      String quorumVoters,
      String clusterId,
      int replicationFactor,
      List<String> jvmOptions) {
    super(name);
    this.nodeId = nodeId;
    this.host = host;
    this.port = port;
    this.controllerPort = controllerPort;
    this.quorumVoters = quorumVoters;
    this.clusterId = clusterId;
    this.replicationFactor = replicationFactor;
    this.jvmOptions = jvmOptions;
  }

  /** The broker's "host:port" for clients. */
  @Override
  public String endpoint() {
    return host + ":" + port;
  }

  /** The node id ({@code node.id}), as Admin's metadata names leaders and replicas. */
  public int nodeId() {
    return nodeId;
  }

  /** The loopback address this node listens on (127.0.0.1, 127.0.0.2, ...). */
  public String host() {
    return host;
  }

  @Override
  protected void prepare() {
    int minInSync = Math.max(1, replicationFactor - 1);
    List<String> props =
        new ArrayList<>(
            List.of(
                "process.roles=broker,controller",
                "node.id=" + nodeId,
                "controller.quorum.voters=" + quorumVoters,
                "listeners=PLAINTEXT://"
                    + endpoint()
                    + ",CONTROLLER://"
                    + host
                    + ":"
                    + controllerPort,
                "advertised.listeners=PLAINTEXT://" + endpoint(),
                "controller.listener.names=CONTROLLER",
                "log.dirs=" + dir.resolve("data").toAbsolutePath(),
                "num.partitions=1",
                "default.replication.factor=" + replicationFactor,
                "min.insync.replicas=" + minInSync,
                "offsets.topic.replication.factor=" + replicationFactor,
                "transaction.state.log.replication.factor=" + replicationFactor,
                "transaction.state.log.min.isr=" + minInSync,
                "share.coordinator.state.topic.replication.factor=" + replicationFactor,
                "share.coordinator.state.topic.min.isr=" + minInSync,
                "group.initial.rebalance.delay.ms=0",
                // the demo's events carry a simulated clock (months old): with CreateTime the
                // broker would roll a segment per batch and delete them after 7 days of "age"
                "log.message.timestamp.type=LogAppendTime",
                // with a small heap the default dedupe buffer kills the broker at start
                "log.cleaner.dedupe.buffer.size=2097152"));
    Path config = writeConfig("server.properties", props);
    List<String> format =
        java()
            .build(
                dir,
                "kafka.tools.StorageTool",
                "format",
                "-t",
                clusterId,
                "-c",
                config.toAbsolutePath().toString(),
                // Kafka 4.3.1 and 4.4.0 with transaction version 2 (the default of a new cluster)
                // left a hanging transaction when a broker restart caught the exactly-once
                // source's commit: records open on page-events and connect-offsets, the
                // coordinator's transaction Empty, every read_committed reader stuck for good
                // (docs/reliability.md, "A hanging transaction after a broker restart").
                "--feature",
                "transaction.version=1");
    int exit = ForkedProcess.start(name + "-format", dir, format).awaitExit(Duration.ofSeconds(60));
    if (exit != 0) {
      throw new IllegalStateException(
          name
              + ": formatting Kafka storage failed (exit "
              + exit
              + "); see "
              + ForkedProcess.logIn(dir));
    }
  }

  @Override
  protected void checkPorts() {
    Ports.requireFree(name, host, port, controllerPort);
  }

  @Override
  protected List<String> command() {
    return java()
        .build(dir, "kafka.Kafka", dir.resolve("server.properties").toAbsolutePath().toString());
  }

  private JavaCommand java() {
    return JavaCommand.of(Path.of(System.getProperty("java.home")), "kafka")
        .jvm(jvmOptions.toArray(String[]::new));
  }

  @Override
  protected void awaitReady(ForkedProcess process) {
    Poll.until(
        name + " accepts connections on " + endpoint(),
        Duration.ofSeconds(90),
        process,
        () -> Ports.accepts(host, port));
  }
}
