package dev.pageevents.stack.proxy;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One client connection and its connection to the target, joined by a {@link DelayedPipe} per
 * direction. It ends gracefully once both directions have passed their FIN on, and by a reset of
 * both sockets when either side fails or {@link #reset()} is called.
 */
final class ProxiedConnection {
  private final Socket client;
  private final Socket upstream;
  private final DelayedPipe toTarget;
  private final DelayedPipe toClient;
  private final AtomicInteger openDirections = new AtomicInteger(2);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Consumer<ProxiedConnection> onClosed;

  ProxiedConnection(
      String name,
      Socket client,
      Socket upstream,
      ProxyControl control,
      Consumer<ProxiedConnection> onClosed) {
    this.client = client;
    this.upstream = upstream;
    this.onClosed = onClosed;
    this.toTarget = new DelayedPipe(name + "-to-target", client, upstream, control, this);
    this.toClient = new DelayedPipe(name + "-to-client", upstream, client, control, this);
  }

  void start() {
    toTarget.start();
    toClient.start();
  }

  /** Both sides get a TCP RST (SO_LINGER 0), as a dropped connection or a crashed peer gives. */
  void reset() {
    close(true);
  }

  /** Both sides get a FIN; data not yet forwarded is dropped. */
  void close() {
    close(false);
  }

  /** Waits (bounded) until the connection's threads have ended. */
  void join(long millis) throws InterruptedException {
    toTarget.join(millis);
    toClient.join(millis);
  }

  void directionDone() {
    if (openDirections.decrementAndGet() == 0) {
      close(false);
    }
  }

  /** Either side failed (a reset, a broken pipe): the other side is reset too. */
  void abort() {
    close(true);
  }

  private void close(boolean reset) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closeSocket(client, reset);
    closeSocket(upstream, reset);
    toTarget.interrupt();
    toClient.interrupt();
    onClosed.accept(this);
  }

  /** Closes {@code socket}, with a TCP RST when {@code reset}; a socket already gone is fine. */
  static void closeSocket(Socket socket, boolean reset) {
    try {
      if (reset) {
        socket.setSoLinger(true, 0);
      }
      socket.close();
    } catch (IOException e) {
      // already closed, or never connected
    }
  }
}
