package dev.pageevents.stack;

import dev.pageevents.stack.process.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A Redis Cluster of three masters on loopback, slots split evenly, each with 0 or more replicas
 * (asynchronous replication; a replica takes over when its master fails), created with CLUSTER
 * ADDSLOTS, CLUSTER MEET and CLUSTER REPLICATE; or the external cluster named by {@code
 * REDIS_CLUSTER_NODES}.
 */
public final class RedisClusterServer extends ServerGroup<RedisServer> {
  public static final String NODES_ENV = "REDIS_CLUSTER_NODES";
  private static final int SLOTS = 16384;
  private static final int MASTERS = 3;
  private static final Duration FAILOVER_TIMEOUT = Duration.ofSeconds(60);

  private final List<String> externalNodes;
  private boolean formed;

  private RedisClusterServer(List<RedisServer> nodes) {
    super(nodes);
    this.externalNodes = List.of();
  }

  private RedisClusterServer(String nodeList) {
    super(new ExternalServer(NODES_ENV, nodeList));
    this.externalNodes = Arrays.stream(nodeList.split(",")).map(String::trim).toList();
  }

  /** Three cluster-enabled masters without replicas; call {@link #start()}. */
  public static RedisClusterServer create(String name) {
    return create(name, 0);
  }

  /**
   * Three masters ({@code name-1..3}) and {@code replicasPerMaster} replicas of each (the next
   * nodes, in master order: with 1, {@code name-4} replicates {@code name-1}); call {@link
   * #start()}.
   */
  public static RedisClusterServer create(String name, int replicasPerMaster) {
    if (replicasPerMaster < 0) {
      throw new IllegalArgumentException(
          "replicasPerMaster must be 0 or more, was " + replicasPerMaster);
    }
    return new RedisClusterServer(
        IntStream.rangeClosed(1, MASTERS * (1 + replicasPerMaster))
            .mapToObj(i -> RedisServer.clusterNode(name + "-" + i))
            .collect(Collectors.toList()));
  }

  /** The cluster named by {@code REDIS_CLUSTER_NODES} ("host:port,host:port,..."). */
  static RedisClusterServer external(String nodeList) {
    return new RedisClusterServer(nodeList);
  }

  /** The nodes as "host:port", the form {@code REDIS_CLUSTER_NODES} uses. */
  public List<String> nodes() {
    if (external()) {
      return externalNodes;
    }
    return nodes.stream().map(n -> RedisServer.HOST + ":" + n.port()).toList();
  }

  /** Comma-separated "host:port" list of the nodes. */
  @Override
  public String endpoint() {
    return String.join(",", nodes());
  }

  @Override
  protected String name() {
    return "redis-cluster";
  }

  @Override
  protected void startNodes() {
    nodes.forEach(RedisServer::launch);
    nodes.forEach(RedisServer::awaitReady);
    if (!formed) {
      form();
      formed = true;
    }
    Poll.until(
        "Redis Cluster reports cluster_state:ok on every node, every replica linked to its master",
        Duration.ofSeconds(30),
        null,
        this::healthy);
  }

  /** The nodes that are masters now (a promoted replica is one), in node order. */
  public List<RedisServer> masters() {
    return nodes.stream().filter(n -> n.pid() > 0 && "master".equals(role(n).get(0))).toList();
  }

  /**
   * Kills -9 {@code master}, then waits until one of its replicas has been promoted and every
   * running node reports {@code cluster_state:ok}; returns the promoted replica.
   */
  public RedisServer killMaster(RedisServer master) {
    List<RedisServer> replicas = replicasOf(master);
    if (replicas.isEmpty()) {
      throw new IllegalStateException(master + " has no replica to promote");
    }
    master.kill();
    Poll.until(
        "a replica of " + master + " promoted to master, cluster_state:ok on every running node",
        FAILOVER_TIMEOUT,
        null,
        () -> replicas.stream().anyMatch(r -> "master".equals(role(r).get(0))) && healthy());
    return replicas.stream().filter(r -> "master".equals(role(r).get(0))).findFirst().orElseThrow();
  }

  /**
   * Stops {@code master} from replicating, once its replicas have what it wrote so far: the user
   * its replicas connect as may no longer run the replication commands, and their links are
   * dropped. Every write it acknowledges from now on exists on it alone, which is the
   * asynchronous-replication gap a failover loses, held open for a test. Returns once every replica
   * reports its link down.
   */
  public void cutReplication(RedisServer master) {
    List<RedisServer> replicas = replicasOf(master);
    try (RespClient client = master.connect()) {
      // what it acknowledged so far reaches the replicas first
      client.call("WAIT", Integer.toString(replicas.size()), "5000");
      client.call("ACL", "SETUSER", "default", "-psync", "-sync", "-replconf");
      client.call("CLIENT", "KILL", "TYPE", "replica");
    }
    Poll.until(
        "every replica of " + master + " to report its link down",
        Duration.ofSeconds(10),
        null,
        () -> replicas.stream().noneMatch(r -> "connected".equals(role(r).get(3))));
  }

  /** The running nodes that replicate {@code master} now. */
  private List<RedisServer> replicasOf(RedisServer master) {
    return nodes.stream()
        .filter(n -> n != master && n.pid() > 0)
        .filter(
            n -> {
              List<Object> role = role(n);
              return "slave".equals(role.get(0))
                  && Long.valueOf(master.port()).equals(Long.valueOf(role.get(2).toString()));
            })
        .toList();
  }

  /** The node's {@code ROLE} reply: ["master", ...] or ["slave", host, port, state, offset]. */
  @SuppressWarnings("unchecked")
  private static List<Object> role(RedisServer node) {
    try (RespClient client = node.connect()) {
      return (List<Object>) client.call("ROLE");
    } catch (RuntimeException e) {
      return List.of("unreachable");
    }
  }

  @Override
  public synchronized void close() {
    super.close();
    formed = false;
  }

  private void form() {
    int per = SLOTS / MASTERS;
    for (int i = 0; i < MASTERS; i++) {
      int from = i * per;
      int to = i == MASTERS - 1 ? SLOTS - 1 : from + per - 1;
      List<String> command = new ArrayList<>(List.of("CLUSTER", "ADDSLOTS"));
      IntStream.rangeClosed(from, to).forEach(slot -> command.add(Integer.toString(slot)));
      try (RespClient client = nodes.get(i).connect()) {
        client.call(command.toArray(String[]::new));
      }
    }
    try (RespClient first = nodes.get(0).connect()) {
      for (RedisServer other : nodes.subList(1, nodes.size())) {
        first.call("CLUSTER", "MEET", RedisServer.HOST, Integer.toString(other.port()));
      }
    }
    if (nodes.size() == MASTERS) {
      return;
    }
    Poll.until(
        "every Redis node knows all " + nodes.size() + " nodes",
        Duration.ofSeconds(30),
        null,
        () -> nodes.stream().allMatch(this::knowsAll));
    for (int i = MASTERS; i < nodes.size(); i++) {
      String masterId;
      try (RespClient master = nodes.get(i % MASTERS).connect()) {
        masterId = (String) master.call("CLUSTER", "MYID");
      }
      try (RespClient replica = nodes.get(i).connect()) {
        replica.call("CLUSTER", "REPLICATE", masterId);
      }
    }
  }

  private boolean knowsAll(RedisServer node) {
    try (RespClient client = node.connect()) {
      return ((String) client.call("CLUSTER", "INFO"))
          .contains("cluster_known_nodes:" + nodes.size());
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Every running node knows every node and reports {@code cluster_state:ok}, and every replica's
   * link to its master is up.
   */
  private boolean healthy() {
    for (RedisServer node : nodes) {
      if (node.pid() < 0) {
        continue; // killed or stopped: the others must cover its slots
      }
      try (RespClient client = node.connect()) {
        String info = (String) client.call("CLUSTER", "INFO");
        if (!info.contains("cluster_state:ok") || !knowsAll(node)) {
          return false;
        }
      } catch (RuntimeException e) {
        return false;
      }
      List<Object> role = role(node);
      if ("slave".equals(role.get(0)) && !"connected".equals(role.get(3))) {
        return false;
      }
    }
    return true;
  }
}
