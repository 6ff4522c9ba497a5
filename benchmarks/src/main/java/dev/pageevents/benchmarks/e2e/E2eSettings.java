package dev.pageevents.benchmarks.e2e;

import dev.pageevents.benchmarks.sink.SinkTargets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The end-to-end benchmark's settings, from system properties (defaults as in the benchmarks
 * README): the rate search, the hold, the sinks and the backlogs that measure each part alone.
 *
 * @param aloneEvents the backlog each sink drains alone, with the other sinks stopped
 * @param sourceAloneEvents events the source writes unthrottled into a scratch topic, alone
 */
record E2eSettings(
    double startRate,
    int warmupSeconds,
    int probeSeconds,
    int holdSeconds,
    int bisections,
    int maxProbes,
    int drainSeconds,
    int drainEvents,
    int sinkTasks,
    int aloneEvents,
    int sourceAloneEvents,
    List<String> sinks,
    Path plugins,
    String workerHeap,
    Path docs) {

  static E2eSettings fromSystemProperties() {
    List<String> sinks =
        Arrays.stream(
                System.getProperty("bench.e2e.sinks", String.join(",", SinkTargets.ALL)).split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
    return new E2eSettings(
        Double.parseDouble(System.getProperty("bench.e2e.start.rate", "1000")),
        Integer.getInteger("bench.e2e.warmup.seconds", 20),
        Integer.getInteger("bench.e2e.probe.seconds", 30),
        Integer.getInteger("bench.e2e.hold.seconds", 120),
        Integer.getInteger("bench.e2e.bisections", 1),
        Integer.getInteger("bench.e2e.max.probes", 8),
        Integer.getInteger("bench.e2e.drain.seconds", 60),
        Integer.getInteger("bench.e2e.drain.events", 30_000),
        Integer.getInteger("bench.e2e.sink.tasks", 1),
        Integer.getInteger("bench.e2e.alone.events", 100_000),
        Integer.getInteger("bench.e2e.source.alone.events", 1_000_000),
        sinks,
        Path.of(System.getProperty("bench.plugins", "target/plugins")),
        System.getProperty("bench.worker.heap", "1g"),
        Path.of(System.getProperty("bench.docs", "docs/benchmarks.md")));
  }
}
