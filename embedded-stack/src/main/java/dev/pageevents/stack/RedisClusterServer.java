package dev.pageevents.stack;

import dev.pageevents.stack.process.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A Redis Cluster of three masters (no replicas) on loopback, slots split evenly, created with
 * CLUSTER ADDSLOTS and CLUSTER MEET; or the external cluster named by {@code REDIS_CLUSTER_NODES}.
 */
public final class RedisClusterServer extends ServerGroup<RedisServer> {
  public static final String NODES_ENV = "REDIS_CLUSTER_NODES";
  private static final int SLOTS = 16384;

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

  /** Three cluster-enabled masters; call {@link #start()}. */
  public static RedisClusterServer create(String name) {
    return new RedisClusterServer(
        IntStream.rangeClosed(1, 3)
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
        "Redis Cluster reports cluster_state:ok on every node",
        Duration.ofSeconds(30),
        null,
        this::healthy);
  }

  @Override
  public synchronized void close() {
    super.close();
    formed = false;
  }

  private void form() {
    int per = SLOTS / nodes.size();
    for (int i = 0; i < nodes.size(); i++) {
      int from = i * per;
      int to = i == nodes.size() - 1 ? SLOTS - 1 : from + per - 1;
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
  }

  private boolean healthy() {
    for (RedisServer node : nodes) {
      try (RespClient client = node.connect()) {
        String info = (String) client.call("CLUSTER", "INFO");
        if (!info.contains("cluster_state:ok")
            || !info.contains("cluster_known_nodes:" + nodes.size())) {
          return false;
        }
      } catch (RuntimeException e) {
        return false;
      }
    }
    return true;
  }
}
