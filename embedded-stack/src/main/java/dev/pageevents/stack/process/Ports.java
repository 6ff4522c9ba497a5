package dev.pageevents.stack.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for servers, and the "port in use" check with one clear message.
 *
 * <p>Ports are drawn below the kernel's ephemeral range ({@code ip_local_port_range}), where no
 * outgoing connection of any process can take a server's port between the check and the bind, or
 * while a stopped server waits to restart on it.
 */
public final class Ports {
  private static final int LOW = 10000;
  private static final int EPHEMERAL_LOW = ephemeralLow();

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
    int high = EPHEMERAL_LOW - Arrays.stream(offsets).max().orElse(0);
    if (high - LOW < 1000) {
      throw new IllegalStateException(
          "Too few ports below the ephemeral range (" + EPHEMERAL_LOW + ") for offsets");
    }
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOW, high);
      if (allFree(hosts, port, offsets)) {
        return port;
      }
    }
    throw new IllegalStateException("No free loopback port found between " + LOW + " and " + high);
  }

  /** The first port the kernel hands to outgoing connections (32768 where it cannot be read). */
  static int ephemeralLow() {
    try {
      String range =
          Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
      return Integer.parseInt(range.split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return 32768;
    }
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
      socket.setReuseAddress(
          true); // as servers bind: TIME_WAIT leftovers of a stopped server do not count
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
