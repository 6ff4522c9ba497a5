package dev.pageevents.stack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;

/**
 * Kafka brokers + Connect workers in this JVM ({@link EmbeddedConnectCluster}), or the external
 * ones named by {@code KAFKA_BOOTSTRAP_SERVERS} and {@code CONNECT_URL}.
 */
public final class KafkaConnectStack implements AutoCloseable {
  public static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";
  public static final String CONNECT_ENV = "CONNECT_URL";

  private final Builder builder;
  private EmbeddedConnectCluster cluster;

  private KafkaConnectStack(Builder builder) {
    this.builder = builder;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts brokers then workers (a no-op for an external stack or when already started). */
  public synchronized KafkaConnectStack start() {
    if (external() || cluster != null) {
      return this;
    }
    long started = System.nanoTime();
    Map<String, String> workerProps = new HashMap<>();
    workerProps.put(WorkerConfig.PLUGIN_DISCOVERY_CONFIG, "service_load");
    workerProps.put(WorkerConfig.OFFSET_COMMIT_INTERVAL_MS_CONFIG, "1000");
    // A departed worker's tasks are reassigned after 5 s instead of the default 5 minutes that
    // incremental cooperative rebalancing waits for the worker to come back.
    workerProps.put("scheduled.rebalance.max.delay.ms", "5000");
    if (builder.pluginPath != null) {
      workerProps.put(
          WorkerConfig.PLUGIN_PATH_CONFIG, builder.pluginPath.toAbsolutePath().toString());
    }
    workerProps.putAll(builder.workerProps);
    EmbeddedConnectCluster candidate =
        new EmbeddedConnectCluster.Builder()
            .name("pageevents-connect")
            .numWorkers(builder.workers)
            .numBrokers(builder.brokers)
            .workerProps(workerProps)
            .brokerProps(brokerProps())
            .build();
    candidate.start();
    cluster = candidate;
    candidate.workers().forEach(worker -> Diagnostics.raiseWorkerLogLevels(withoutSlash(worker)));
    String name =
        "kafka+connect (" + builder.brokers + " brokers, " + builder.workers + " workers)";
    StackLog.runs(name, "Kafka " + AppInfoParser.getVersion() + " in this JVM");
    StackLog.started(name, connectUrl(), started);
    return this;
  }

  /**
   * Test events carry a simulated clock (often months or years old): with the default 7-day
   * retention the broker deletes them as soon as its retention check runs, mid-test.
   */
  private static Properties brokerProps() {
    Properties props = new Properties();
    props.put("log.retention.ms", "-1");
    return props;
  }

  /** Whether the environment names an external Kafka and Connect. */
  public boolean external() {
    return Env.get(BOOTSTRAP_ENV) != null;
  }

  public String bootstrapServers() {
    return external() ? Env.get(BOOTSTRAP_ENV) : running().kafka().bootstrapServers();
  }

  /** The REST base URL of a worker, without a trailing slash, e.g. "http://127.0.0.1:8083". */
  public String connectUrl() {
    if (external()) {
      return Env.require(CONNECT_ENV, "set it together with " + BOOTSTRAP_ENV);
    }
    return withoutSlash(running().workers().iterator().next());
  }

  private static String withoutSlash(WorkerHandle worker) {
    String url = worker.url().toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The embedded cluster, or null when external. */
  public EmbeddedConnectCluster cluster() {
    return external() ? null : running();
  }

  @Override
  public synchronized void close() {
    if (cluster != null) {
      cluster.stop();
      cluster = null;
    }
  }

  private EmbeddedConnectCluster running() {
    if (cluster == null) {
      throw new IllegalStateException("KafkaConnectStack is not started: call start()");
    }
    return cluster;
  }

  /** Shape of the embedded cluster. */
  public static final class Builder {
    private int workers = 1;
    private int brokers = 1;
    private Path pluginPath;
    private final Map<String, String> workerProps = new HashMap<>();

    private Builder() {}

    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    public Builder brokers(int brokers) {
      this.brokers = brokers;
      return this;
    }

    /** A directory of unpacked plugin archives (the workers' {@code plugin.path}). */
    public Builder pluginPath(Path pluginPath) {
      this.pluginPath = pluginPath;
      return this;
    }

    public Builder workerProperty(String key, String value) {
      workerProps.put(key, value);
      return this;
    }

    /** The stack, not yet started. */
    public KafkaConnectStack build() {
      return new KafkaConnectStack(this);
    }
  }
}
