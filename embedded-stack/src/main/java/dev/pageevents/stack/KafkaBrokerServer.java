package dev.pageevents.stack;

import dev.pageevents.stack.process.ForkedProcess;
import dev.pageevents.stack.process.JavaCommand;
import dev.pageevents.stack.process.Poll;
import dev.pageevents.stack.process.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.Uuid;

/** A single KRaft Kafka 4.3.1 broker+controller ({@code kafka.Kafka}) in its own JVM. */
public final class KafkaBrokerServer extends ForkedServer {
  private static final String HOST = "127.0.0.1";

  private final int port;
  private final int controllerPort;
  private final List<String> jvmOptions;

  KafkaBrokerServer(String name, List<String> jvmOptions) {
    super(name);
    this.jvmOptions = jvmOptions;
    this.port = Ports.free();
    this.controllerPort = Ports.free();
  }

  @Override
  public String endpoint() {
    return HOST + ":" + port;
  }

  @Override
  protected void prepare() {
    List<String> props =
        List.of(
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.voters=1@" + HOST + ":" + controllerPort,
            "listeners=PLAINTEXT://"
                + HOST
                + ":"
                + port
                + ",CONTROLLER://"
                + HOST
                + ":"
                + controllerPort,
            "advertised.listeners=PLAINTEXT://" + HOST + ":" + port,
            "controller.listener.names=CONTROLLER",
            "log.dirs=" + dir.resolve("data").toAbsolutePath(),
            "num.partitions=1",
            "offsets.topic.replication.factor=1",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            // the demo's events carry a simulated clock (months old): with CreateTime the broker
            // would roll a segment per batch and delete them after 7 days of "age" within minutes
            "log.message.timestamp.type=LogAppendTime",
            // with a small heap the default dedupe buffer kills the broker at start
            "log.cleaner.dedupe.buffer.size=2097152");
    Path config = writeConfig("server.properties", props);
    List<String> format =
        java()
            .build(
                dir,
                "kafka.tools.StorageTool",
                "format",
                "-t",
                Uuid.randomUuid().toString(),
                "-c",
                config.toAbsolutePath().toString());
    int exit = ForkedProcess.start(name + "-format", dir, format).awaitExit(Duration.ofSeconds(60));
    if (exit != 0) {
      throw new IllegalStateException(
          "Formatting Kafka storage failed (exit " + exit + "); see " + dir.resolve("server.log"));
    }
  }

  @Override
  protected void checkPorts() {
    Ports.requireFree(name, HOST, port, controllerPort);
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
        () -> Ports.accepts(HOST, port));
  }
}
