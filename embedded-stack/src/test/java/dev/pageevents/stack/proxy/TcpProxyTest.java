package dev.pageevents.stack.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy between real sockets: an echo server behind it, plain sockets in front. */
class TcpProxyTest {
  private static final int TIMEOUT_MS = 10_000;

  private EchoServer echo;
  private TcpProxy proxy;

  @BeforeEach
  void start() throws IOException {
    echo = new EchoServer();
    proxy = TcpProxy.start(echo.address());
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    echo.close();
  }

  @Test
  void shouldForwardBytesUnchangedBothWaysAndPassTheCloseOn() throws Exception {
    byte[] sent = new byte[1 << 20];
    new Random(7).nextBytes(sent);
    try (Socket socket = connect()) {
      CompletableFuture<byte[]> received = readAllAsync(socket);
      socket.getOutputStream().write(sent);
      socket.shutdownOutput(); // the echo server closes after this FIN: EOF ends readAll
      assertThat(received.get(TIMEOUT_MS, TimeUnit.MILLISECONDS)).isEqualTo(sent);
    }
  }

  @Test
  void shouldDelayEachDirectionByTheOneWayDelay() throws Exception {
    proxy.delay(Duration.ofMillis(30));
    try (Socket socket = connect()) {
      for (int i = 0; i < 5; i++) {
        long start = System.nanoTime();
        roundTrip(socket, i);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("round trip %d", i).isGreaterThanOrEqualTo(60).isLessThan(60 + 500);
      }
    }
  }

  @Test
  void shouldAddLatencyWithoutLimitingThroughput() throws Exception {
    proxy.delay(Duration.ofMillis(50));
    byte[] sent = new byte[32 << 20];
    new Random(11).nextBytes(sent);
    try (Socket socket = connect()) {
      long start = System.nanoTime();
      CompletableFuture<byte[]> received = readAllAsync(socket);
      socket.getOutputStream().write(sent);
      socket.shutdownOutput();
      assertThat(received.get(TIMEOUT_MS, TimeUnit.MILLISECONDS)).isEqualTo(sent);
      // a sleep per chunk read would take 512 chunks x 50 ms x 2 directions = 51 s at least
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void shouldResetOpenConnectionsAndStillAcceptNewOnes() throws Exception {
    try (Socket socket = connect()) {
      roundTrip(socket, 1);
      proxy.resetConnections();
      assertThatThrownBy(() -> socket.getInputStream().read())
          .isInstanceOf(SocketException.class)
          .hasMessageContaining("reset");
    }
    try (Socket again = connect()) {
      roundTrip(again, 2);
    }
  }

  @Test
  void shouldHoldEverythingWhileBlackHoledAndDeliverItInOrderAfterRestore() throws Exception {
    try (Socket before = connect()) {
      roundTrip(before, 1);
      proxy.blackHole();
      before.getOutputStream().write(new byte[] {2, 3});
      try (Socket during = connect()) {
        during.getOutputStream().write(4);
        for (Socket socket : new Socket[] {before, during}) {
          socket.setSoTimeout(300);
          assertThatThrownBy(() -> socket.getInputStream().read())
              .isInstanceOf(SocketTimeoutException.class);
        }
        assertThat(proxy.openConnections()).isEqualTo(2);
        proxy.restore();
        before.setSoTimeout(TIMEOUT_MS);
        during.setSoTimeout(TIMEOUT_MS);
        assertThat(before.getInputStream().readNBytes(2)).containsExactly(2, 3);
        assertThat(during.getInputStream().read()).isEqualTo(4);
      }
    }
  }

  @Test
  void shouldCloseItsConnectionsAndStopListeningOnClose() throws Exception {
    try (Socket socket = connect()) {
      roundTrip(socket, 1);
      proxy.close();
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
      assertThat(proxy.openConnections()).isZero();
      assertThatThrownBy(this::connect).isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void shouldRefuseATargetOffLoopback() {
    assertThatThrownBy(() -> TcpProxy.start(new InetSocketAddress("10.1.2.3", 6379)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loopback");
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket();
    socket.connect(proxy.address(), TIMEOUT_MS);
    socket.setSoTimeout(TIMEOUT_MS);
    socket.setTcpNoDelay(true);
    return socket;
  }

  private static void roundTrip(Socket socket, int value) throws IOException {
    socket.getOutputStream().write(value);
    assertThat(socket.getInputStream().read()).isEqualTo(value);
  }

  private static CompletableFuture<byte[]> readAllAsync(Socket socket) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toByteArray();
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
