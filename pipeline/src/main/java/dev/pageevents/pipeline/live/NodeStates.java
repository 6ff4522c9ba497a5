package dev.pageevents.pipeline.live;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether each node of the stack accepts connections now (a TCP connect to its port): the live
 * view's nodes up and down, e.g. while {@code ./demo --cluster} kills one node of each cluster.
 */
final class NodeStates {
  private static final int CONNECT_TIMEOUT_MS = 300;

  /** One node: the system it belongs to ("Kafka", "Cassandra"...), where it listens, up or not. */
  record Node(String system, String endpoint, boolean up) {}

  /** Every node, in the order given. */
  record Nodes(List<Node> nodes) {}

  private NodeStates() {}

  /**
   * @param endpoints per system, its nodes' endpoints ("host:port" or "scheme://host:port/...")
   */
  static Nodes probe(Map<String, List<String>> endpoints) {
    List<Node> nodes = new ArrayList<>();
    endpoints.forEach(
        (system, list) ->
            list.forEach(endpoint -> nodes.add(new Node(system, endpoint, accepts(endpoint)))));
    return new Nodes(nodes);
  }

  /** The host and port of an endpoint: scheme, user info, path and query left out. */
  static InetSocketAddress address(String endpoint) {
    String rest =
        endpoint.contains("://") ? endpoint.substring(endpoint.indexOf("://") + 3) : endpoint;
    rest = rest.substring(rest.indexOf('@') + 1);
    int end = rest.length();
    for (char stop : new char[] {'/', '?', ','}) {
      int at = rest.indexOf(stop);
      end = at >= 0 ? Math.min(end, at) : end;
    }
    String hostPort = rest.substring(0, end);
    int colon = hostPort.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("No port in endpoint '" + endpoint + "'");
    }
    return InetSocketAddress.createUnresolved(
        hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }

  private static boolean accepts(String endpoint) {
    InetSocketAddress address = address(endpoint);
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(address.getHostString(), address.getPort()), CONNECT_TIMEOUT_MS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
