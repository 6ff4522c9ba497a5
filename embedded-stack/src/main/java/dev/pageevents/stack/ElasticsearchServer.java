package dev.pageevents.stack;

import dev.pageevents.stack.process.Poll;
import dev.pageevents.stack.process.Ports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

  /**
   * {@code size} nodes on 127.0.0.1..127.0.0.{size}, the same HTTP and transport ports on each,
   * every one master-eligible and a data node; call {@link #start()}.
   */
  public static ElasticsearchServer create(String name, int size) {
    String[] hosts = new String[size];
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      hosts[i - 1] = "127.0.0." + i;
      names.add(size == 1 ? name : name + "-" + i);
    }
    int httpPort = Ports.freeOn(hosts);
    int transportPort = Ports.freeOn(hosts);
    List<String> discovery =
        size == 1
            ? List.of("discovery.type=single-node")
            : List.of(
                "discovery.seed_hosts="
                    + Arrays.stream(hosts)
                        .map(h -> h + ":" + transportPort)
                        .collect(Collectors.joining(",")),
                "cluster.initial_master_nodes=" + String.join(",", names));
    List<ElasticsearchNode> nodes = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      nodes.add(new ElasticsearchNode(names.get(i), hosts[i], httpPort, transportPort, discovery));
    }
    return new ElasticsearchServer(nodes);
  }

  static ElasticsearchServer external(String url) {
    return new ElasticsearchServer(url);
  }

  /**
   * Every node's HTTP URL, comma-separated (the form the sink's {@code elasticsearch.urls} takes),
   * or the external URL.
   */
  @Override
  public String endpoint() {
    return String.join(",", endpoints());
  }

  /** Every node's HTTP URL. */
  public List<String> endpoints() {
    return external()
        ? List.of(externalEndpoint())
        : nodes.stream().map(ElasticsearchNode::endpoint).collect(Collectors.toList());
  }

  /**
   * The node holding the most primary shards of the indices matching {@code indexPattern} now (read
   * from {@code _cat/shards} through a running node), e.g. to kill -9 a data node with primaries.
   */
  public StoreServer nodeWithMostPrimaries(String indexPattern) {
    ElasticsearchNode reader =
        nodes.stream()
            .filter(n -> n.pid() > 0)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("No Elasticsearch node is running"));
    Map<String, Long> primaries =
        Arrays.stream(
                Http.get(reader.endpoint() + "/_cat/shards/" + indexPattern + "?h=prirep,node")
                    .split("\n"))
            .map(line -> line.trim().split("\\s+"))
            .filter(cols -> cols.length == 2 && cols[0].equals("p"))
            .collect(Collectors.groupingBy(cols -> cols[1], Collectors.counting()));
    String busiest =
        primaries.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElseThrow(
                () -> new IllegalStateException("No started primary shard of " + indexPattern));
    return nodes.stream().filter(n -> n.nodeName().equals(busiest)).findFirst().orElseThrow();
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
                    nodes.get(0).endpoint()
                        + "/_cluster/health?wait_for_status=yellow&wait_for_nodes="
                        + nodes.size()
                        + "&timeout=1s")
                == 200);
  }
}
