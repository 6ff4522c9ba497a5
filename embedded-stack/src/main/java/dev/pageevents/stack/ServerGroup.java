package dev.pageevents.stack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A server made of forked nodes (a Redis Cluster, a Cassandra ring, an Elasticsearch cluster), or
 * the external one an environment variable names; fault controls act on every node, {@link
 * #node(int)} on one.
 */
abstract class ServerGroup<N extends ForkedServer> implements StoreServer {
  protected final List<N> nodes;
  private final ExternalServer external;

  protected ServerGroup(List<N> nodes) {
    this.nodes = List.copyOf(nodes);
    this.external = null;
  }

  protected ServerGroup(ExternalServer external) {
    this.nodes = List.of();
    this.external = external;
  }

  /** Starts the nodes that are not running and waits until the whole group serves. */
  protected abstract void startNodes();

  /** A name for log lines. */
  protected abstract String name();

  /**
   * Every node's JVM with the whole JIT from its next start on, as production servers run
   * (benchmarks); see {@link ForkedServer#fullJit()}.
   */
  public void fullJit() {
    nodes.forEach(ForkedServer::fullJit);
  }

  /** One node, for faults on a single member (index from 0). */
  public StoreServer node(int index) {
    return nodes.get(index);
  }

  public int size() {
    return external != null ? 0 : nodes.size();
  }

  /** The endpoint the environment variable gave (external groups only). */
  protected String externalEndpoint() {
    return external.endpoint();
  }

  @Override
  public boolean external() {
    return external != null;
  }

  @Override
  public synchronized void start() {
    if (external != null) {
      return;
    }
    long started = System.nanoTime();
    startNodes();
    StackLog.started(name(), endpoint(), started);
  }

  @Override
  public synchronized void stop() {
    if (external != null) {
      external.stop();
    }
    reversed().forEach(StoreServer::stop);
  }

  @Override
  public synchronized void kill() {
    if (external != null) {
      external.kill();
    }
    nodes.forEach(StoreServer::kill);
  }

  @Override
  public synchronized void pause() {
    if (external != null) {
      external.pause();
    }
    nodes.forEach(StoreServer::pause);
  }

  @Override
  public synchronized void resume() {
    if (external != null) {
      external.resume();
    }
    nodes.forEach(StoreServer::resume);
  }

  @Override
  public synchronized void close() {
    nodes.forEach(StoreServer::close);
  }

  private List<N> reversed() {
    List<N> copy = new ArrayList<>(nodes);
    Collections.reverse(copy);
    return copy;
  }

  @Override
  public String toString() {
    return name() + " " + endpoint();
  }
}
