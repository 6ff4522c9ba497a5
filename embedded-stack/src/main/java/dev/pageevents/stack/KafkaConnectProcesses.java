package dev.pageevents.stack;

import dev.pageevents.stack.process.Ports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kafka broker and one or more distributed Connect workers (one group) as separate processes, the
 * first worker's REST API on a fixed port (default 8083): for the demo, where people watch the REST
 * API, and for faults that need real processes (kill -9 of a worker, a broker restart); other tests
 * use {@link KafkaConnectStack}. Workers stop before the broker (the other order costs ~19 s of
 * retries).
 */
public final class KafkaConnectProcesses extends ServerGroup<ForkedServer> {
  private static final String FAST_START = "-XX:TieredStopAtLevel=1";
  private final KafkaBrokerServer broker;
  private final List<ConnectWorkerServer> workers;

  private KafkaConnectProcesses(KafkaBrokerServer broker, List<ConnectWorkerServer> workers) {
    super(nodes(broker, workers));
    this.broker = broker;
    this.workers = List.copyOf(workers);
  }

  private static List<ForkedServer> nodes(
      KafkaBrokerServer broker, List<ConnectWorkerServer> workers) {
    List<ForkedServer> nodes = new ArrayList<>();
    nodes.add(broker);
    nodes.addAll(workers);
    return nodes;
  }

  public static Builder builder() {
    return new Builder();
  }

  public String bootstrapServers() {
    return broker.endpoint();
  }

  /** The first worker's REST base URL, e.g. "http://127.0.0.1:8083". */
  public String connectUrl() {
    return worker().endpoint();
  }

  /** The broker alone, for faults. */
  public StoreServer broker() {
    return broker;
  }

  /** The first worker alone, for faults. */
  public ConnectWorkerServer worker() {
    return workers.get(0);
  }

  /** Every worker of the group, in start order (the first one's REST port is the fixed one). */
  public List<ConnectWorkerServer> workers() {
    return workers;
  }

  @Override
  public String endpoint() {
    return connectUrl();
  }

  @Override
  protected String name() {
    return "kafka+connect processes";
  }

  /** Starts the broker, then forks every worker at once and waits until each serves REST. */
  @Override
  protected void startNodes() {
    broker.start();
    workers.forEach(ForkedServer::launch);
    workers.forEach(ForkedServer::awaitReady);
  }

  /** Where the workers listen and which plugins they load. */
  public static final class Builder {
    private int restPort = 8083;
    private int workers = 1;
    private boolean jmx;
    private Path pluginPath;
    private WorkerRuntime workerRuntime = WorkerRuntime.BUILD;
    private final Map<String, String> workerProps = new LinkedHashMap<>();
    private List<String> brokerJvm = List.of("-Xms128m", "-Xmx384m", "-XX:+UseG1GC", FAST_START);
    private List<String> workerJvm = List.of("-Xms128m", "-Xmx512m", "-XX:+UseG1GC", FAST_START);

    private Builder() {}

    /** The first worker's REST port (default 8083); 0 picks a free one. Others always do. */
    public Builder restPort(int restPort) {
      this.restPort = restPort;
      return this;
    }

    /** How many workers form the Connect group (default 1). */
    public Builder workers(int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be at least 1, was " + workers);
      }
      this.workers = workers;
      return this;
    }

    /** Each worker serves remote JMX (no auth) on a free loopback port: {@code jmxUrl()}. */
    public Builder jmx() {
      this.jmx = true;
      return this;
    }

    public Builder pluginPath(Path pluginPath) {
      this.pluginPath = pluginPath;
      return this;
    }

    /** Another Connect version or JDK for the workers (default: the build's, this JVM's JDK). */
    public Builder workerRuntime(WorkerRuntime runtime) {
      this.workerRuntime = runtime;
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

    /** Broker and workers, not yet started. */
    public KafkaConnectProcesses build() {
      KafkaBrokerServer broker = new KafkaBrokerServer("kafka-broker", brokerJvm);
      List<ConnectWorkerServer> built = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        built.add(
            new ConnectWorkerServer(
                i == 0 ? "connect-worker" : "connect-worker-" + (i + 1),
                broker.endpoint(),
                i == 0 && restPort != 0 ? restPort : Ports.free(),
                pluginPath,
                Map.copyOf(workerProps),
                workerJvm,
                jmx ? Ports.free() : 0,
                workerRuntime));
      }
      return new KafkaConnectProcesses(broker, built);
    }
  }
}
