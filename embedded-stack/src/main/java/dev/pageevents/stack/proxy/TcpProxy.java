package dev.pageevents.stack.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy between a client and a server on this machine, for the network this kernel cannot
 * simulate (no {@code netem}): a one-way delay added to the data in each direction (so a round trip
 * costs twice the delay; throughput is not limited), a reset of every open connection, and a black
 * hole (connections are accepted and stay open, nothing is forwarded until {@link #restore()}, like
 * a network partition that heals). Listens on 127.0.0.1 only, on a free port, and forwards to a
 * loopback target only; at most {@link #MAX_CONNECTIONS} connections, each buffering at most 4 MiB
 * per direction.
 *
 * <pre>{@code
 * try (TcpProxy proxy = TcpProxy.start(new InetSocketAddress("127.0.0.1", redis.port()))) {
 *   proxy.delay(Duration.ofMillis(5));  // clients connect to proxy.address()
 *   proxy.blackHole(); ... proxy.restore(); proxy.resetConnections();
 * }
 * }</pre>
 */
public final class TcpProxy implements ProxyControl, AutoCloseable {
  public static final int MAX_CONNECTIONS = 256;
  private static final Logger LOG = LoggerFactory.getLogger(TcpProxy.class);
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  private static final long JOIN_MS = 5_000;

  private final InetSocketAddress target;
  private final ServerSocket listener;
  private final Set<ProxiedConnection> connections = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private final Thread acceptor;
  private final Object forwarding = new Object();
  private volatile long delayNanos;
  private volatile boolean blackHole;
  private volatile boolean closed;

  private TcpProxy(InetSocketAddress target, ServerSocket listener) {
    this.target = target;
    this.listener = listener;
    this.acceptor = new Thread(this::acceptLoop, "tcp-proxy-" + port() + "-accept");
    this.acceptor.setDaemon(true);
  }

  /** A proxy to {@code target} (a loopback address), listening on a free 127.0.0.1 port. */
  public static TcpProxy start(InetSocketAddress target) {
    if (target.isUnresolved() || !target.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException(
          "TcpProxy forwards to loopback addresses only, not " + target);
    }
    try {
      ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
      TcpProxy proxy = new TcpProxy(target, listener);
      proxy.acceptor.start();
      LOG.info("TCP proxy 127.0.0.1:{} -> {}", proxy.port(), target);
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on 127.0.0.1", e);
    }
  }

  /** The port clients connect to (on 127.0.0.1). */
  public int port() {
    return listener.getLocalPort();
  }

  /** Where clients connect: 127.0.0.1 and {@link #port()}. */
  public InetSocketAddress address() {
    return new InetSocketAddress(listener.getInetAddress(), port());
  }

  public InetSocketAddress target() {
    return target;
  }

  /**
   * Sets the delay added to data in each direction (a round trip gains twice it); applies to data
   * read from now on, so data in flight keeps its order.
   */
  public TcpProxy delay(Duration oneWay) {
    if (oneWay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, was " + oneWay);
    }
    delayNanos = oneWay.toNanos();
    return this;
  }

  public Duration delay() {
    return Duration.ofNanos(delayNanos);
  }

  /** Resets (TCP RST) every open connection on both sides; new connections work as before. */
  public void resetConnections() {
    List.copyOf(connections).forEach(ProxiedConnection::reset);
  }

  /**
   * Stops forwarding: open and new connections stay open, data is held (up to the buffer bound,
   * then the senders block), nothing arrives on either side until {@link #restore()}.
   */
  public void blackHole() {
    blackHole = true;
  }

  /** Forwards again (after {@link #blackHole()}), first the data held meanwhile, in order. */
  public void restore() {
    synchronized (forwarding) {
      blackHole = false;
      forwarding.notifyAll();
    }
  }

  /** Connections accepted and forwarded since the start (for checking that a client used it). */
  public int acceptedConnections() {
    return accepted.get();
  }

  /** Connections open through the proxy now. */
  public int openConnections() {
    return connections.size();
  }

  @Override
  public long delayNanos() {
    return delayNanos;
  }

  @Override
  public void awaitForwarding() throws InterruptedException {
    if (!blackHole) {
      return;
    }
    synchronized (forwarding) {
      while (blackHole && !closed) {
        forwarding.wait();
      }
    }
  }

  /** Stops listening and closes every connection (FIN on both sides), waiting for its threads. */
  @Override
  public void close() {
    closed = true;
    restore();
    try {
      listener.close();
      acceptor.join(JOIN_MS);
      List<ProxiedConnection> open = List.copyOf(connections);
      open.forEach(ProxiedConnection::close);
      for (ProxiedConnection connection : open) {
        connection.join(JOIN_MS);
      }
    } catch (IOException e) {
      LOG.warn("Closing the proxy's listener on port {} failed", port(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("TCP proxy on port {} stopped accepting", port(), e);
        }
        return;
      }
      open(client);
    }
  }

  private void open(Socket client) {
    Socket upstream = new Socket();
    try {
      if (connections.size() >= MAX_CONNECTIONS) {
        throw new IOException("more than " + MAX_CONNECTIONS + " connections");
      }
      upstream.connect(target, CONNECT_TIMEOUT_MS);
      for (Socket socket : List.of(client, upstream)) {
        socket.setTcpNoDelay(true); // the proxy must not add Nagle's delay to small writes
      }
    } catch (IOException e) {
      LOG.warn("TCP proxy refuses a connection to {}: {}", target, e.getMessage());
      ProxiedConnection.closeSocket(client, true);
      ProxiedConnection.closeSocket(upstream, true);
      return;
    }
    ProxiedConnection connection =
        new ProxiedConnection(
            "tcp-proxy-" + port() + "-" + accepted.incrementAndGet(),
            client,
            upstream,
            this,
            connections::remove);
    connections.add(connection);
    connection.start();
  }
}
