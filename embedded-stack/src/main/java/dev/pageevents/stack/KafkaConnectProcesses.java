package dev.pageevents.stack;

import dev.pageevents.stack.process.Ports;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Kafka broker and a distributed Connect worker as separate processes, the worker's REST API on a
 * fixed port (default 8083): for the demo, where people watch the REST API; tests use {@link
 * KafkaConnectStack}. The worker stops before the broker (the other order costs ~19 s of retries).
 */
public final class KafkaConnectProcesses extends ServerGroup<ForkedServer> {
  private final KafkaBrokerServer broker;
  private final ConnectWorkerServer worker;

  private KafkaConnectProcesses(KafkaBrokerServer broker, ConnectWorkerServer worker) {
    super(java.util.List.of(broker, worker));
    this.broker = broker;
    this.worker = worker;
  }

  public static Builder builder() {
    return new Builder();
  }

  public String bootstrapServers() {
    return broker.endpoint();
  }

  /** The worker's REST base URL, e.g. "http://127.0.0.1:8083". */
  public String connectUrl() {
    return worker.endpoint();
  }

  /** The broker alone, for faults. */
  public StoreServer broker() {
    return broker;
  }

  /** The worker alone, for faults. */
  public StoreServer worker() {
    return worker;
  }

  @Override
  public String endpoint() {
    return connectUrl();
  }

  @Override
  protected String name() {
    return "kafka+connect processes";
  }

  @Override
  protected void startNodes() {
    broker.start();
    worker.start();
  }

  /** Where the worker listens and which plugins it loads. */
  public static final class Builder {
    private int restPort = 8083;
    private Path pluginPath;
    private final Map<String, String> workerProps = new LinkedHashMap<>();

    private Builder() {}

    /** The REST port (default 8083); 0 picks a free one. */
    public Builder restPort(int restPort) {
      this.restPort = restPort;
      return this;
    }

    public Builder pluginPath(Path pluginPath) {
      this.pluginPath = pluginPath;
      return this;
    }

    public Builder workerProperty(String key, String value) {
      workerProps.put(key, value);
      return this;
    }

    /** Broker and worker, not yet started. */
    public KafkaConnectProcesses build() {
      KafkaBrokerServer broker = new KafkaBrokerServer("kafka-broker");
      ConnectWorkerServer worker =
          new ConnectWorkerServer(
              "connect-worker",
              broker.endpoint(),
              restPort == 0 ? Ports.free() : restPort,
              pluginPath,
              Map.copyOf(workerProps));
      return new KafkaConnectProcesses(broker, worker);
    }
  }
}
