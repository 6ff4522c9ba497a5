package dev.pageevents.stack;

import dev.pageevents.stack.process.ForkedProcess;
import dev.pageevents.stack.process.JavaCommand;
import dev.pageevents.stack.process.Poll;
import dev.pageevents.stack.process.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A distributed-mode Connect worker ({@code ConnectDistributed}) in its own JVM: the build's server
 * Kafka ({@code kafka.servers.version}) unless given another {@link WorkerRuntime}.
 */
public final class ConnectWorkerServer extends ForkedServer {
  private static final String HOST = "127.0.0.1";
  private static final Pattern VERSION_FIELD = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

  private final String bootstrapServers;
  private final int restPort;
  private final Path pluginPath;
  private final Map<String, String> extraProps;
  private final List<String> jvmOptions;
  private final int jmxPort;
  private final WorkerRuntime runtime;

  /**
   * @param jmxPort a loopback port for remote JMX without authentication, or 0 for none
   */
  ConnectWorkerServer(
      String name,
      String bootstrapServers,
      int restPort,
      Path pluginPath,
      Map<String, String> extraProps,
      List<String> jvmOptions,
      int jmxPort,
      WorkerRuntime runtime) {
    super(name);
    this.runtime = runtime;
    this.bootstrapServers = bootstrapServers;
    this.restPort = restPort;
    this.pluginPath = pluginPath;
    this.extraProps = extraProps;
    this.jvmOptions = jvmOptions;
    this.jmxPort = jmxPort;
  }

  /** The JMX service URL of this worker's MBeans (e.g. the sinks' task metrics), if enabled. */
  public String jmxUrl() {
    if (jmxPort == 0) {
      throw new IllegalStateException(
          name + " was built without JMX (KafkaConnectProcesses.jmx())");
    }
    return "service:jmx:rmi:///jndi/rmi://" + HOST + ":" + jmxPort + "/jmxrmi";
  }

  /** The REST base URL, e.g. "http://127.0.0.1:8083". */
  @Override
  public String endpoint() {
    return "http://" + HOST + ":" + restPort;
  }

  @Override
  protected void prepare() {
    List<String> props =
        new ArrayList<>(
            List.of(
                "bootstrap.servers=" + bootstrapServers,
                "group.id=pageevents-connect",
                "listeners=http://" + HOST + ":" + restPort,
                "key.converter=org.apache.kafka.connect.storage.StringConverter",
                "value.converter=org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable=false",
                "config.storage.topic=connect-configs",
                "offset.storage.topic=connect-offsets",
                "status.storage.topic=connect-status",
                "offset.flush.interval.ms=1000",
                // source producers send with acks=all (Connect's default), but Connect turns
                // idempotence off for them (KAFKA-13759): a send retried
                // across a broker restart would then write its records twice
                "producer.enable.idempotence=true",
                // a departed worker's tasks move after 5 s, not the default 5 minutes
                "scheduled.rebalance.max.delay.ms=5000",
                // as the shipped worker config: an exactly-once source task cancelled while its
                // commit waits for a restarting broker can lose or double events through a Kafka
                // broker bug (docs/reliability.md, "Transaction markers skipped ...")
                "task.shutdown.graceful.timeout.ms=30000",
                "plugin.discovery=service_load"));
    if (pluginPath != null) {
      props.add("plugin.path=" + pluginPath.toAbsolutePath());
    }
    extraProps.forEach((k, v) -> props.add(k + "=" + v));
    writeConfig("connect.properties", props);
  }

  @Override
  protected void checkPorts() {
    if (jmxPort == 0) {
      Ports.requireFree(name, HOST, restPort);
    } else {
      Ports.requireFree(name, HOST, restPort, jmxPort);
    }
  }

  @Override
  protected List<String> command() {
    JavaCommand java = runtime.command().jvm(jvmOptions.toArray(String[]::new));
    if (jmxPort != 0) {
      java.jvm(
          "-Dcom.sun.management.jmxremote.port=" + jmxPort,
          "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
          "-Dcom.sun.management.jmxremote.host=" + HOST,
          "-Djava.rmi.server.hostname=" + HOST,
          "-Dcom.sun.management.jmxremote.authenticate=false",
          "-Dcom.sun.management.jmxremote.ssl=false");
    }
    return java.build(
        dir,
        "org.apache.kafka.connect.cli.ConnectDistributed",
        dir.resolve("connect.properties").toAbsolutePath().toString());
  }

  @Override
  protected void awaitReady(ForkedProcess process) {
    Poll.until(
        name + " serves REST on " + endpoint(),
        Duration.ofSeconds(120),
        process,
        this::herderStarted);
    StackLog.runs(name, "Kafka Connect " + kafkaVersion());
    Diagnostics.raiseWorkerLogLevels(endpoint());
  }

  /** The Kafka version of this worker's jars, as its REST API reports it ({@code GET /}). */
  public String kafkaVersion() {
    String info = Http.get(endpoint() + "/");
    Matcher version = VERSION_FIELD.matcher(info);
    if (!version.find()) {
      throw new IllegalStateException("GET " + endpoint() + "/ names no version: " + info);
    }
    return version.group(1);
  }

  /**
   * {@code /health} answers 200 only once the herder has started (internal topics exist); workers
   * before Kafka 3.9 have no {@code /health} (404, KIP-1017), and there {@code /connectors} answers
   * 200 only once the herder serves requests.
   */
  private boolean herderStarted() {
    int health = Http.status(endpoint() + "/health");
    return health == 200 || (health == 404 && Http.status(endpoint() + "/connectors") == 200);
  }
}
