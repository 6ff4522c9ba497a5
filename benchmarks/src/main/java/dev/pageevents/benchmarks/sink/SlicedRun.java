package dev.pageevents.benchmarks.sink;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Runs one sink connector over a whole topic ({@link ConnectRun}, on a thread of its own) while
 * sampling its consumer group's committed offsets (sink tasks commit only what the store
 * acknowledged) and a process's RSS, and cuts the run into equal slices with a {@link Slicer}.
 */
final class SlicedRun {
  private static final long POLL_MS = 200;

  /** Told when the first progress is seen and when each slice closes, on the sampling thread. */
  interface Listener {
    default void started() {}

    void closed(Slicer.Slice slice);
  }

  private SlicedRun() {}

  /**
   * Runs connector {@code name} with {@code config} until it has committed every record of {@code
   * topic}; returns its {@code count} slices. {@code rssPid} is the process whose RSS each slice
   * records (the worker), or -1 for none.
   */
  static List<Slicer.Slice> run(
      ConnectRun connect,
      BenchAdmin admin,
      String name,
      Map<String, String> config,
      String topic,
      int count,
      long rssPid,
      Listener listener)
      throws Exception {
    List<TopicPartition> partitions = BenchAdmin.partitions(topic);
    long end = admin.endOffsets(partitions);
    Slicer slicer = new Slicer(end, count);
    Thread run =
        new Thread(
            () -> {
              try {
                connect.run(name, config, topic);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            name);
    run.start();
    boolean started = false;
    while (!slicer.finished()) {
      long committed = admin.committed("connect-" + name, partitions);
      long rss = rssPid < 0 ? -1 : ProcessStats.rssMb(rssPid);
      for (Slicer.Slice slice : slicer.offer(committed, System.nanoTime(), rss)) {
        listener.closed(slice);
      }
      if (!started && committed > 0) {
        started = true;
        listener.started();
      }
      if (!run.isAlive() && committed < end) {
        throw new IllegalStateException("The connector run ended at " + committed + " of " + end);
      }
      Thread.sleep(POLL_MS);
    }
    run.join();
    return slicer.slices();
  }
}
