package dev.pageevents.pipeline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeStatesTest {
  @Test
  void shouldFindHostAndPortInEveryEndpointForm() {
    assertThat(NodeStates.address("127.0.0.2:9042")).isEqualTo(unresolved("127.0.0.2", 9042));
    assertThat(NodeStates.address("http://127.0.0.1:9200"))
        .isEqualTo(unresolved("127.0.0.1", 9200));
    assertThat(NodeStates.address("mongodb://user:pw@127.0.0.1:27017/?replicaSet=rs0"))
        .isEqualTo(unresolved("127.0.0.1", 27017));
    assertThat(NodeStates.address("bolt://localhost:7687"))
        .isEqualTo(unresolved("localhost", 7687));
  }

  @Test
  void shouldRefuseAnEndpointWithoutAPort() {
    assertThatThrownBy(() -> NodeStates.address("http://example"))
        .hasMessageContaining("No port in endpoint 'http://example'");
  }

  @Test
  void shouldReportANodeThatAcceptsAsUpAndAClosedPortAsDown() throws IOException {
    int closed;
    try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = gone.getLocalPort();
    }
    try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String up = "127.0.0.1:" + listening.getLocalPort();
      String down = "127.0.0.1:" + closed;

      assertThat(NodeStates.probe(Map.of("Redis", List.of(up, down))).nodes())
          .containsExactly(
              new NodeStates.Node("Redis", up, true), new NodeStates.Node("Redis", down, false));
    }
  }

  private static InetSocketAddress unresolved(String host, int port) {
    return InetSocketAddress.createUnresolved(host, port);
  }
}
