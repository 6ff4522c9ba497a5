package dev.pageevents.stack;

import dev.pageevents.stack.process.Poll;
import dev.pageevents.stack.process.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;

/**
 * Kafka (one KRaft node, or a cluster of them) and one or more distributed Connect workers (one
 * group) as separate processes, the first worker's REST API on a fixed port (default 8083): for the
 * demo, where people watch the REST API, and for faults that need real processes (kill -9 of a
 * worker or of a partition's leader, a broker restart); other tests use {@link KafkaConnectStack}.
 * Workers stop before the brokers (the other order costs ~19 s of retries).
 *
 * <p>With {@code brokers(3)} every node is broker and controller at once on its own loopback
 * address (127.0.0.1, .2, .3): three separate controllers would add three more JVMs (~250 MB each)
 * on a 2-core, 24 GiB machine that also runs three-node stores, while a quorum of three combined
 * nodes still survives the loss of any one. New and internal topics get replication factor 3 and
 * {@code min.insync.replicas=2}, the workers' internal topics too.
 */
public final class KafkaConnectProcesses extends ServerGroup<ForkedServer> {
  private static final String FAST_START = "-XX:TieredStopAtLevel=1";
  private final List<KafkaBrokerServer> brokers;
  private final List<ConnectWorkerServer> workers;

  private KafkaConnectProcesses(
      List<KafkaBrokerServer> brokers, List<ConnectWorkerServer> workers) {
    super(nodes(brokers, workers));
    this.brokers = List.copyOf(brokers);
    this.workers = List.copyOf(workers);
  }

  private static List<ForkedServer> nodes(
      List<KafkaBrokerServer> brokers, List<ConnectWorkerServer> workers) {
    List<ForkedServer> nodes = new ArrayList<>(brokers);
    nodes.addAll(workers);
    return nodes;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every broker's "host:port", comma-separated. */
  public String bootstrapServers() {
    return bootstrapServers(brokers);
  }

  private static String bootstrapServers(List<KafkaBrokerServer> brokers) {
    return brokers.stream().map(KafkaBrokerServer::endpoint).collect(Collectors.joining(","));
  }

  /** The first worker's REST base URL, e.g. "http://127.0.0.1:8083". */
  public String connectUrl() {
    return worker().endpoint();
  }

  /** The first broker alone, for faults. */
  public StoreServer broker() {
    return brokers.get(0);
  }

  /** Every broker, by node id (the first has id 1), for faults on one of them. */
  public List<KafkaBrokerServer> brokers() {
    return brokers;
  }

  /**
   * The broker that leads {@code partition} of {@code topic} now (Admin metadata), e.g. to kill -9
   * exactly that one; fails when the partition has no leader.
   */
  public KafkaBrokerServer leaderOf(String topic, int partition) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      TopicDescription description =
          admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
      TopicPartitionInfo info = description.partitions().get(partition);
      Node leader = info.leader();
      if (leader == null || leader.isEmpty()) {
        throw new IllegalStateException(topic + "-" + partition + " has no leader now");
      }
      return brokers.stream()
          .filter(b -> b.nodeId() == leader.id())
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("No broker with node id " + leader.id()));
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot describe " + topic + ": " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while describing " + topic, e);
    }
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

  /**
   * Forks every broker at once (a KRaft quorum needs a majority up), waits until all serve and form
   * one cluster, then forks every worker at once and waits until each serves REST.
   */
  @Override
  protected void startNodes() {
    brokers.forEach(ForkedServer::launch);
    brokers.forEach(ForkedServer::awaitReady);
    if (brokers.size() > 1) {
      Poll.until(
          "all " + brokers.size() + " Kafka brokers registered in one cluster",
          Duration.ofSeconds(60),
          null,
          this::allBrokersRegistered);
    }
    workers.forEach(ForkedServer::launch);
    workers.forEach(ForkedServer::awaitReady);
  }

  private boolean allBrokersRegistered() {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                5000))) {
      return admin.describeCluster().nodes().get().size() == brokers.size();
    } catch (ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Where the workers listen and which plugins they load. */
  public static final class Builder {
    private int restPort = 8083;
    private int brokers = 1;
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

    /**
     * How many KRaft nodes (broker and controller combined) form the Kafka cluster: 1 (default) or
     * 3, on 127.0.0.1, 127.0.0.2, 127.0.0.3. With 3, topics get replication factor 3 and {@code
     * min.insync.replicas=2}.
     */
    public Builder brokers(int brokers) {
      if (brokers != 1 && brokers != 3) {
        throw new IllegalArgumentException(
            "brokers must be 1 or 3 (a KRaft quorum of combined nodes), was " + brokers);
      }
      this.brokers = brokers;
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

    /** Brokers and workers, not yet started. */
    public KafkaConnectProcesses build() {
      List<KafkaBrokerServer> builtBrokers = buildBrokers();
      Map<String, String> props = new LinkedHashMap<>();
      String factor = Integer.toString(brokers);
      props.put("config.storage.replication.factor", factor);
      props.put("offset.storage.replication.factor", factor);
      props.put("status.storage.replication.factor", factor);
      props.putAll(workerProps);
      List<ConnectWorkerServer> built = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        built.add(
            new ConnectWorkerServer(
                i == 0 ? "connect-worker" : "connect-worker-" + (i + 1),
                bootstrapServers(builtBrokers),
                i == 0 && restPort != 0 ? restPort : Ports.free(),
                pluginPath,
                Map.copyOf(props),
                workerJvm,
                jmx ? Ports.free() : 0,
                workerRuntime));
      }
      return new KafkaConnectProcesses(builtBrokers, built);
    }

    /** One node on 127.0.0.1, or nodes on 127.0.0.1..n sharing a client and a controller port. */
    private List<KafkaBrokerServer> buildBrokers() {
      String[] hosts = new String[brokers];
      for (int i = 0; i < brokers; i++) {
        hosts[i] = "127.0.0." + (i + 1);
      }
      int port = Ports.freeOn(hosts);
      int controllerPort = Ports.freeOn(hosts);
      List<String> voters = new ArrayList<>();
      for (int i = 0; i < brokers; i++) {
        voters.add((i + 1) + "@" + hosts[i] + ":" + controllerPort);
      }
      String clusterId = Uuid.randomUuid().toString();
      List<KafkaBrokerServer> built = new ArrayList<>();
      for (int i = 0; i < brokers; i++) {
        built.add(
            new KafkaBrokerServer(
                brokers == 1 ? "kafka-broker" : "kafka-broker-" + (i + 1),
                i + 1,
                hosts[i],
                port,
                controllerPort,
                String.join(",", voters),
                clusterId,
                brokers,
                brokerJvm));
      }
      return built;
    }
  }
}
