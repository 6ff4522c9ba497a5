package dev.pageevents.benchmarks.e2e;

import dev.pageevents.benchmarks.sink.BenchAdmin;
import dev.pageevents.benchmarks.sink.ProcessStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;

/**
 * Samples, once a second, how many records the topic holds and each sink's lag (end offsets minus
 * the offsets its consumer group committed, which sink tasks commit only for acknowledged writes),
 * and the worker's RSS.
 */
final class LagMonitor {
  private static final long INTERVAL_MS = 1000;

  /** One sample: seconds since the window started, records in the topic, lag by sink. */
  record Sample(double seconds, long produced, Map<String, Long> lags) {}

  /**
   * A drained backlog: records behind when the source stopped, records per second committed since,
   * and whether the sink caught up with the whole topic before the timeout.
   */
  record Drain(long backlog, double rate, boolean complete) {}

  private final BenchAdmin admin;
  private final List<TopicPartition> partitions;
  private final Map<String, String> groups;
  private final long workerPid;
  private long peakRssMb;

  /**
   * @param groups each sink's consumer group, by sink name
   */
  LagMonitor(BenchAdmin admin, String topic, Map<String, String> groups, long workerPid) {
    this.admin = admin;
    this.partitions = BenchAdmin.partitions(topic);
    this.groups = groups;
    this.workerPid = workerPid;
  }

  long produced() throws Exception {
    return admin.endOffsets(partitions);
  }

  /** Records the sink's consumer group has committed (acknowledged by its store). */
  long committed(String sink) throws Exception {
    return admin.committed(groups.get(sink), partitions);
  }

  /** The worker's highest RSS seen by any sample so far. */
  long peakRssMb() {
    return peakRssMb;
  }

  /** Committed offsets first, end offsets after them, so no lag comes out negative. */
  Sample sample(long startNanos) throws Exception {
    Map<String, Long> committed = new LinkedHashMap<>();
    for (Map.Entry<String, String> group : groups.entrySet()) {
      committed.put(group.getKey(), admin.committed(group.getValue(), partitions));
    }
    long produced = produced();
    Map<String, Long> lags = new LinkedHashMap<>();
    committed.forEach((sink, offsets) -> lags.put(sink, produced - offsets));
    peakRssMb = Math.max(peakRssMb, ProcessStats.rssMb(workerPid));
    return new Sample((System.nanoTime() - startNanos) / 1e9, produced, lags);
  }

  /** Waits until the topic grows beyond {@code before} records (the source produces). */
  void awaitProduction(long before, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (produced() <= before) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The source produced nothing in " + timeout);
      }
      Thread.sleep(100);
    }
  }

  /**
   * Samples every second for {@code seconds}, or until {@code stop} says the samples so far already
   * decide the window.
   */
  List<Sample> window(double seconds, Predicate<List<Sample>> stop) throws Exception {
    List<Sample> samples = new ArrayList<>();
    long start = System.nanoTime();
    samples.add(sample(start));
    while (samples.get(samples.size() - 1).seconds() < seconds && !stop.test(samples)) {
      Thread.sleep(INTERVAL_MS);
      samples.add(sample(start));
    }
    return samples;
  }

  /**
   * With the source stopped, waits until every sink has committed the whole topic (or the timeout
   * passed) and returns the drain of every sink whose backlog was at least {@code minBacklog}.
   */
  Map<String, Drain> drain(Duration timeout, long minBacklog) throws Exception {
    long start = System.nanoTime();
    Sample first = sample(start);
    Map<String, Drain> drains = new LinkedHashMap<>();
    Map<String, Long> pending = new LinkedHashMap<>(first.lags());
    pending.values().removeIf(lag -> lag == 0);
    Sample last = first;
    while (!pending.isEmpty() && last.seconds() < timeout.toSeconds()) {
      Thread.sleep(200);
      last = sample(start);
      for (Map.Entry<String, Long> lag : last.lags().entrySet()) {
        Long backlog = pending.get(lag.getKey());
        if (backlog != null && lag.getValue() <= 0) {
          pending.remove(lag.getKey());
          if (backlog >= minBacklog) {
            drains.put(lag.getKey(), new Drain(backlog, backlog / last.seconds(), true));
          }
        }
      }
    }
    for (Map.Entry<String, Long> backlog : pending.entrySet()) {
      long done = backlog.getValue() - last.lags().get(backlog.getKey());
      drains.put(backlog.getKey(), new Drain(backlog.getValue(), done / last.seconds(), false));
    }
    return drains;
  }
}
