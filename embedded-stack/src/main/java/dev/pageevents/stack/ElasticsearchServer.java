package dev.pageevents.stack;

import dev.pageevents.stack.process.Poll;
import dev.pageevents.stack.process.Ports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Elasticsearch 8.19.9: one node (single-node discovery) or a cluster of nodes that elect a master
 * among themselves, each in its own JVM; or the external one named by {@code ELASTICSEARCH_URL}.
 */
public final class ElasticsearchServer extends ServerGroup<ElasticsearchNode> {
  public static final String URL_ENV = "ELASTICSEARCH_URL";

  private ElasticsearchServer(List<ElasticsearchNode> nodes) {
    super(nodes);
  }

  private ElasticsearchServer(String url) {
    super(new ExternalServer(URL_ENV, url));
  }

  /** {@code size} nodes; call {@link #start()}. */
  public static ElasticsearchServer create(String name, int size) {
    List<String> names = new ArrayList<>();
    List<Integer> transportPorts = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      names.add(size == 1 ? name : name + "-" + i);
      transportPorts.add(Ports.free());
    }
    List<String> discovery =
        size == 1
            ? List.of("discovery.type=single-node")
            : List.of(
                "discovery.seed_hosts="
                    + transportPorts.stream()
                        .map(p -> ElasticsearchNode.HOST + ":" + p)
                        .collect(Collectors.joining(",")),
                "cluster.initial_master_nodes=" + String.join(",", names));
    List<ElasticsearchNode> nodes = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      nodes.add(
          new ElasticsearchNode(names.get(i), Ports.free(), transportPorts.get(i), discovery));
    }
    return new ElasticsearchServer(nodes);
  }

  static ElasticsearchServer external(String url) {
    return new ElasticsearchServer(url);
  }

  /** The HTTP URL of the first node (or the external URL). */
  @Override
  public String endpoint() {
    return external() ? externalEndpoint() : nodes.get(0).endpoint();
  }

  /** Every node's HTTP URL. */
  public List<String> endpoints() {
    return external()
        ? List.of(endpoint())
        : nodes.stream().map(ElasticsearchNode::endpoint).collect(Collectors.toList());
  }

  @Override
  protected String name() {
    return "elasticsearch (" + nodes.size() + " node" + (nodes.size() == 1 ? ")" : "s)");
  }

  @Override
  protected void startNodes() {
    nodes.forEach(ElasticsearchNode::launch);
    nodes.forEach(ElasticsearchNode::awaitReady);
    Poll.until(
        "Elasticsearch sees " + nodes.size() + " nodes, status yellow or green",
        Duration.ofSeconds(60),
        null,
        () ->
            Http.status(
                    endpoint()
                        + "/_cluster/health?wait_for_status=yellow&wait_for_nodes="
                        + nodes.size()
                        + "&timeout=1s")
                == 200);
  }
}
