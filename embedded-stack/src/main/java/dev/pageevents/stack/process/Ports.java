package dev.pageevents.stack.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ThreadLocalRandom;

/** Free loopback ports for servers, and the "port in use" check with one clear message. */
public final class Ports {
  private static final int LOW = 20000;
  private static final int HIGH = 50000;

  private Ports() {}

  /** A port free on 127.0.0.1. */
  public static int free() {
    return freeWithOffsets("127.0.0.1");
  }

  /**
   * A port P free on every given host such that P + each offset is free too (Redis Cluster needs
   * its bus on P + 10000).
   */
  public static int freeWithOffsets(String host, int... offsets) {
    return freeOn(new String[] {host}, offsets);
  }

  /** A port free on every given host (and P + each offset free too). */
  public static int freeOn(String[] hosts, int... offsets) {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
      if (allFree(hosts, port, offsets)) {
        return port;
      }
    }
    throw new IllegalStateException("No free loopback port found between " + LOW + " and " + HIGH);
  }

  private static boolean allFree(String[] hosts, int port, int[] offsets) {
    for (String host : hosts) {
      if (!isFree(host, port)) {
        return false;
      }
      for (int offset : offsets) {
        if (!isFree(host, port + offset)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether a server could bind host:port now. */
  public static boolean isFree(String host, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Fails with one clear message when a port the server needs is taken by another process. */
  public static void requireFree(String server, String host, int... ports) {
    for (int port : ports) {
      if (!isFree(host, port)) {
        throw new IllegalStateException(
            server
                + " needs "
                + host
                + ":"
                + port
                + " but another process listens there: stop that process (ss -ltnp | grep "
                + port
                + ") or point the tests at an external server through its environment variable");
      }
    }
  }

  /** Whether something accepts TCP connections on host:port. */
  public static boolean accepts(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
