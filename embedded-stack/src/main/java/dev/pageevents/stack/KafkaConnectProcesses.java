package dev.pageevents.stack;

import dev.pageevents.stack.process.Ports;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kafka broker and a distributed Connect worker as separate processes, the worker's REST API on a
 * fixed port (default 8083): for the demo, where people watch the REST API; tests use {@link
 * KafkaConnectStack}. The worker stops before the broker (the other order costs ~19 s of retries).
 */
public final class KafkaConnectProcesses extends ServerGroup<ForkedServer> {
  private static final String FAST_START = "-XX:TieredStopAtLevel=1";
  private final KafkaBrokerServer broker;
  private final ConnectWorkerServer worker;

  private KafkaConnectProcesses(KafkaBrokerServer broker, ConnectWorkerServer worker) {
    super(List.of(broker, worker));
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

  /** The worker's process id, or -1 when it is not running (to sample its RSS from /proc). */
  public long workerPid() {
    return worker.pid();
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
    private List<String> brokerJvm = List.of("-Xms128m", "-Xmx384m", "-XX:+UseG1GC", FAST_START);
    private List<String> workerJvm = List.of("-Xms128m", "-Xmx512m", "-XX:+UseG1GC", FAST_START);

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

    /** Replaces the broker's JVM options (heap, JIT flags); the defaults favour a fast start. */
    public Builder brokerJvmOptions(List<String> options) {
      this.brokerJvm = List.copyOf(options);
      return this;
    }

    /**
     * Replaces the worker's JVM options (heap, JIT flags, a flight recording); the defaults favour
     * a fast start over throughput (C1 only).
     */
    public Builder workerJvmOptions(List<String> options) {
      this.workerJvm = List.copyOf(options);
      return this;
    }

    /** Broker and worker, not yet started. */
    public KafkaConnectProcesses build() {
      KafkaBrokerServer broker = new KafkaBrokerServer("kafka-broker", brokerJvm);
      ConnectWorkerServer worker =
          new ConnectWorkerServer(
              "connect-worker",
              broker.endpoint(),
              restPort == 0 ? Ports.free() : restPort,
              pluginPath,
              Map.copyOf(workerProps),
              workerJvm);
      return new KafkaConnectProcesses(broker, worker);
    }
  }
}
