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

/** A distributed-mode Connect 4.3.1 worker ({@code ConnectDistributed}) in its own JVM. */
public final class ConnectWorkerServer extends ForkedServer {
  private static final String HOST = "127.0.0.1";

  private final String bootstrapServers;
  private final int restPort;
  private final Path pluginPath;
  private final Map<String, String> extraProps;
  private final List<String> jvmOptions;

  ConnectWorkerServer(
      String name,
      String bootstrapServers,
      int restPort,
      Path pluginPath,
      Map<String, String> extraProps,
      List<String> jvmOptions) {
    super(name);
    this.bootstrapServers = bootstrapServers;
    this.restPort = restPort;
    this.pluginPath = pluginPath;
    this.extraProps = extraProps;
    this.jvmOptions = jvmOptions;
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
                "config.storage.replication.factor=1",
                "offset.storage.replication.factor=1",
                "status.storage.replication.factor=1",
                "offset.flush.interval.ms=1000",
                "plugin.discovery=service_load"));
    if (pluginPath != null) {
      props.add("plugin.path=" + pluginPath.toAbsolutePath());
    }
    extraProps.forEach((k, v) -> props.add(k + "=" + v));
    writeConfig("connect.properties", props);
  }

  @Override
  protected void checkPorts() {
    Ports.requireFree(name, HOST, restPort);
  }

  @Override
  protected List<String> command() {
    return JavaCommand.of(Path.of(System.getProperty("java.home")), "kafka")
        .jvm(jvmOptions.toArray(String[]::new))
        .build(
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
        // /health answers 200 only once the herder has started (internal topics exist)
        () -> Http.status(endpoint() + "/health") == 200);
  }
}
