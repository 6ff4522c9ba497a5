package dev.pageevents.stack;

import dev.pageevents.stack.process.Poll;
import dev.pageevents.stack.process.Ports;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Cassandra 5.0.9: one node on 127.0.0.1, or a ring of nodes on 127.0.0.1, 127.0.0.2, ... started
 * one after the other; or the external cluster named by {@code CASSANDRA_CONTACT_POINTS} (with
 * {@code CASSANDRA_LOCAL_DATACENTER}, default "datacenter1").
 */
public final class CassandraServer extends ServerGroup<CassandraNode> {
  public static final String CONTACT_POINTS_ENV = "CASSANDRA_CONTACT_POINTS";
  public static final String LOCAL_DC_ENV = "CASSANDRA_LOCAL_DATACENTER";
  private static final String SIMPLE_SNITCH_DC = "datacenter1";

  private final List<InetSocketAddress> externalPoints;

  private CassandraServer(List<CassandraNode> nodes) {
    super(nodes);
    this.externalPoints = List.of();
  }

  private CassandraServer(String contactPoints) {
    super(new ExternalServer(CONTACT_POINTS_ENV, contactPoints));
    this.externalPoints =
        Arrays.stream(contactPoints.split(","))
            .map(String::trim)
            .map(CassandraServer::parse)
            .collect(Collectors.toList());
  }

  /** {@code size} nodes on 127.0.0.1..127.0.0.{size}; call {@link #start()}. */
  public static CassandraServer create(String name, int size) {
    CassandraNode.javaHome(); // fail early, with what to do, on a JDK Cassandra cannot run on
    String[] hosts = new String[size];
    Arrays.setAll(hosts, i -> "127.0.0." + (i + 1));
    int storagePort = Ports.freeOn(hosts);
    int nativePort = Ports.freeOn(hosts);
    List<CassandraNode> nodes = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String nodeName = size == 1 ? name : name + "-" + (i + 1);
      nodes.add(new CassandraNode(nodeName, hosts[i], hosts[0], storagePort, nativePort, size > 1));
    }
    return new CassandraServer(nodes);
  }

  /**
   * One node with PasswordAuthenticator and CassandraAuthorizer on: the superuser is
   * cassandra/cassandra (created at start) and creates the roles a test needs.
   */
  public static CassandraServer withPasswordAuth(String name) {
    CassandraNode.javaHome();
    String host = "127.0.0.1";
    int storagePort = Ports.freeOn(new String[] {host});
    int nativePort = Ports.freeOn(new String[] {host});
    return new CassandraServer(
        List.of(new CassandraNode(name, host, host, storagePort, nativePort, false, true)));
  }

  static CassandraServer external(String contactPoints) {
    return new CassandraServer(contactPoints);
  }

  /** Where the driver connects (every node). */
  public List<InetSocketAddress> contactPoints() {
    if (external()) {
      return externalPoints;
    }
    return nodes.stream()
        .map(n -> new InetSocketAddress(n.host(), n.nativePort()))
        .collect(Collectors.toList());
  }

  /** The datacenter name the driver's load balancing needs. */
  public String localDatacenter() {
    String configured = Env.get(LOCAL_DC_ENV);
    return configured != null ? configured : SIMPLE_SNITCH_DC;
  }

  /** Comma-separated "host:port" contact points, e.g. "127.0.0.1:9042". */
  @Override
  public String endpoint() {
    return contactPoints().stream()
        .map(a -> a.getHostString() + ":" + a.getPort())
        .collect(Collectors.joining(","));
  }

  @Override
  protected String name() {
    return "cassandra (" + nodes.size() + " node" + (nodes.size() == 1 ? ")" : "s)");
  }

  @Override
  protected void startNodes() {
    nodes.forEach(CassandraNode::start);
    // A joining node accepts CQL before the others have gossiped it into NORMAL; until they
    // have, a driver connected through them sees a smaller ring.
    Poll.until(
        name() + ": every node sees every other node NORMAL",
        Duration.ofSeconds(60),
        null,
        () -> nodes.stream().allMatch(n -> nodes.stream().allMatch(n::seesNormal)));
  }

  private static InetSocketAddress parse(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    return colon < 0
        ? new InetSocketAddress(hostPort, 9042)
        : new InetSocketAddress(
            hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }
}
