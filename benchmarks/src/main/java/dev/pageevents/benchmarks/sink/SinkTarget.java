package dev.pageevents.benchmarks.sink;

import dev.pageevents.core.event.PageEvent;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** One store under benchmark: its server, our sink's config for it, and its native baseline. */
public interface SinkTarget extends AutoCloseable {
  /** Short name, e.g. "mongo"; also the prefix of the plugin archive's directory. */
  String name();

  /** The plugin archive's artifactId (its unpacked directory starts with it). */
  String archive();

  /** The sample config shipped in the archive's etc/ directory. */
  String sampleConfig();

  /** Starts the server (or its stand-in) and connects the native client. */
  void start() throws Exception;

  /** Where the store's clients connect (a proxy can stand in front of it). */
  InetSocketAddress address();

  /**
   * Overrides on the sample config: the sink connects to {@code address} (the store's own or a
   * proxy's), which keyspace/index/database.
   */
  Map<String, String> connection(InetSocketAddress address);

  /** Host and port of a URI such as "bolt://127.0.0.1:7687". */
  static InetSocketAddress addressOf(String uri) {
    URI parsed = URI.create(uri);
    return new InetSocketAddress(parsed.getHost(), parsed.getPort());
  }

  /** "host:port" of an address. */
  static String hostPort(InetSocketAddress address) {
    return address.getHostString() + ":" + address.getPort();
  }

  /** Empties the store (data and stored offsets), keeping schema the sink created. */
  void reset() throws Exception;

  /** Writes every event with the store's own client, from this thread, the fastest usual way. */
  void writeNative(List<PageEvent> events) throws Exception;

  /** One line on how {@link #writeNative} writes. */
  String nativeMethod();

  /** How many events the store holds (document count, row count or summed visit counters). */
  long written() throws Exception;

  /** The server's version and kind, for the report. */
  String server();
}
