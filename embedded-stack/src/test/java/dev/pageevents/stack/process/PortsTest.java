package dev.pageevents.stack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

  @Test
  void shouldNameTheServerAndPortWhenThePortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> Ports.requireFree("redis-x", "127.0.0.1", port))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("redis-x needs 127.0.0.1:" + port)
          .hasMessageContaining("another process listens there");
    }
  }

  @Test
  void shouldDrawPortsBelowTheEphemeralRangeSoNoClientConnectionCanTakeThem() {
    int ephemeralLow = Ports.ephemeralLow();
    for (int i = 0; i < 50; i++) {
      assertThat(Ports.free()).isLessThan(ephemeralLow);
      assertThat(Ports.freeWithOffsets("127.0.0.1", 10000) + 10000).isLessThan(ephemeralLow);
    }
  }
}
