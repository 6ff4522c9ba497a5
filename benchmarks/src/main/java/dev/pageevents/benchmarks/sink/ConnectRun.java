package dev.pageevents.benchmarks.sink;

import dev.pageevents.configs.ConnectRestClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Runs one sink connector on the worker over its REST API and times it from the config PUT until
 * the connector's consumer group has committed every record of the topic (lag 0), sampling the
 * worker's RSS meanwhile. Sink tasks commit only offsets whose records the store acknowledged.
 */
public final class ConnectRun implements AutoCloseable {
  private static final long POLL_MS = 100;
  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  /** How long a deleted connector may take to disappear from the worker. */
  public static final Duration DELETE_TIMEOUT = Duration.ofMinutes(2);

  /**
   * Seconds from start to lag 0; seconds from the first committed offset to lag 0 and the records
   * committed in that span (the steady rate, without connector start-up); the worker's peak RSS.
   */
  public record Result(double seconds, double steadySeconds, long steadyRecords, long peakRssMb) {
    /** Records per second from the first committed offset to lag 0. */
    public double steadyRate() {
      return steadySeconds > 0 ? steadyRecords / steadySeconds : 0;
    }
  }

  private final ConnectRestClient rest;
  private final BenchAdmin admin;
  private final long workerPid;

  public ConnectRun(String connectUrl, String bootstrapServers, long workerPid) {
    this.rest = new ConnectRestClient(connectUrl);
    this.admin = new BenchAdmin(bootstrapServers);
    this.workerPid = workerPid;
  }

  public Result run(String name, Map<String, String> config, String topic) throws Exception {
    List<TopicPartition> partitions = BenchAdmin.partitions(topic);
    long end = admin.endOffsets(partitions);
    long peakRss = ProcessStats.rssMb(workerPid);
    long start = System.nanoTime();
    rest.put(name, config);
    int polls = 0;
    long firstCommitted = 0;
    long firstAt = 0;
    long committed;
    while ((committed = admin.committed("connect-" + name, partitions)) < end) {
      if (firstAt == 0 && committed > 0) {
        firstCommitted = committed;
        firstAt = System.nanoTime();
      }
      if (System.nanoTime() - start > TIMEOUT.toNanos()) {
        throw new IllegalStateException(name + " did not write " + end + " records in " + TIMEOUT);
      }
      Thread.sleep(POLL_MS);
      peakRss = Math.max(peakRss, ProcessStats.rssMb(workerPid));
      if (++polls % 20 == 0) {
        rest.failIfFailed(name);
      }
    }
    long done = System.nanoTime();
    if (firstAt == 0) {
      firstAt = start;
    }
    Result result =
        new Result((done - start) / 1e9, (done - firstAt) / 1e9, end - firstCommitted, peakRss);
    rest.deleteAndAwait(name, DELETE_TIMEOUT);
    return result;
  }

  @Override
  public void close() {
    admin.close();
  }
}
