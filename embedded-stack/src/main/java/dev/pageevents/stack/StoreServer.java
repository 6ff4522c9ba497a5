package dev.pageevents.stack;

/** A real store server on loopback (or an external one named by an environment variable). */
public interface StoreServer extends AutoCloseable {
  /**
   * Where clients connect, e.g. "redis://127.0.0.1:6390", "bolt://127.0.0.1:7687",
   * "http://127.0.0.1:9200", "127.0.0.1:9042", "mongodb://...".
   */
  String endpoint();

  /** True when taken from an environment variable; fault controls then throw. */
  boolean external();

  /** Graceful stop keeping data. */
  void stop();

  /** (Re)starts on the same port and data directory; a no-op when running. */
  void start();

  /** kill -9 (forked servers) or an abrupt stop. */
  void kill();

  /** SIGSTOP: the server hangs, connections stay open. */
  void pause();

  /** SIGCONT after {@link #pause()}. */
  void resume();

  /** Stops and deletes the data. */
  @Override
  void close();
}
