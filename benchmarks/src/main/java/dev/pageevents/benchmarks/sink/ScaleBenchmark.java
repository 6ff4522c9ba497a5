package dev.pageevents.benchmarks.sink;

import dev.pageevents.stack.KafkaConnectProcesses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Every sink flat at scale (issue #15 item 2): per sink, a topic pre-filled with millions of events
 * (generated while sent, lz4), our connector with one task (sample config) draining it in a real
 * worker, and per 10% slice of the events its rate and the worker's RSS, from the consumer group's
 * committed offsets and /proc; then last ÷ first slice, last ÷ second, the RSS trend and a verdict
 * ({@link ScaleResult}). No separate warm-up: the first slice holds it, as a fresh deployment's
 * would. Settings: bench.scale.sinks, bench.scale.events (every sink) or bench.scale.events.SINK
 * (default 5,000,000; 2,000,000 for Cassandra and Neo4j), bench.worker.heap.
 */
public final class ScaleBenchmark {
  private static final int SLICES = 10;

  /** The sizes: 5M events per sink, 2M for the two slow stores. */
  private static final int DEFAULT_EVENTS = 5_000_000;

  private static final int SLOW_STORE_EVENTS = 2_000_000;
  private static final Set<String> SLOW_STORES = Set.of("cassandra", "neo4j");

  private final SinkConfigs configs;
  private final KafkaConnectProcesses kafka;
  private final ConnectRun connect;
  private final BenchAdmin admin;

  private ScaleBenchmark(
      SinkConfigs configs, KafkaConnectProcesses kafka, ConnectRun connect, BenchAdmin admin) {
    this.configs = configs;
    this.kafka = kafka;
    this.connect = connect;
    this.admin = admin;
  }

  public static void main(String[] args) throws Exception {
    String sinkList = System.getProperty("bench.scale.sinks", "");
    List<String> sinks =
        sinkList.isBlank()
            ? SinkTargets.ALL
            : Arrays.stream(sinkList.split(",")).map(String::trim).toList();
    Path plugins = Path.of(System.getProperty("bench.plugins", "target/plugins"));
    long started = System.nanoTime();
    List<ScaleResult> results = new ArrayList<>();
    // a pre-touched fixed heap: RSS growth during the run is then off-heap growth only
    try (KafkaConnectProcesses kafka =
        SinkTargets.kafka(
            plugins,
            System.getProperty("bench.worker.heap", "1g"),
            List.of("-XX:+AlwaysPreTouch"))) {
      kafka.start();
      try (ConnectRun connect =
              new ConnectRun(kafka.connectUrl(), kafka.bootstrapServers(), kafka.worker().pid());
          BenchAdmin admin = new BenchAdmin(kafka.bootstrapServers())) {
        ScaleBenchmark bench = new ScaleBenchmark(new SinkConfigs(plugins), kafka, connect, admin);
        for (String sink : sinks) {
          results.add(bench.run(sink, eventsFor(sink)));
        }
      }
    }
    String report = ScaleReport.tables(results);
    System.out.println(report);
    ScaleReport.write(
        Path.of(System.getProperty("bench.docs", "docs/benchmarks.md")),
        report,
        (System.nanoTime() - started) / 1e9,
        results);
  }

  /** {@code bench.scale.events} for every sink when set, else {@code bench.scale.events.SINK}. */
  static int eventsFor(String sink) {
    Integer all = Integer.getInteger("bench.scale.events");
    if (all != null) {
      return all;
    }
    if (!SinkTargets.ALL.contains(sink)) {
      throw new IllegalArgumentException("Unknown sink " + sink + "; known: " + SinkTargets.ALL);
    }
    int fallback = defaultEvents(sink);
    return Integer.getInteger("bench.scale.events." + sink, fallback);
  }

  /** The size for a sink. */
  static int defaultEvents(String sink) {
    return SLOW_STORES.contains(sink) ? SLOW_STORE_EVENTS : DEFAULT_EVENTS;
  }

  private ScaleResult run(String sink, int events) throws Exception {
    String topic = "bench-scale-" + sink;
    long fillStart = System.nanoTime();
    BenchEvents.fill(kafka.bootstrapServers(), topic, BenchEvents.sequence(events), "lz4");
    long filled = admin.endOffsets(BenchAdmin.partitions(topic));
    if (filled != events) {
      throw new IllegalStateException(topic + " holds " + filled + " records, not " + events);
    }
    System.out.printf(
        "== %s: topic %s filled with %,d events in %.0f s%n",
        sink, topic, events, (System.nanoTime() - fillStart) / 1e9);
    try (SinkTarget target = SinkTargets.create(sink)) {
      target.start();
      target.reset();
      System.out.println("   " + target.server());
      List<Slicer.Slice> slices =
          SlicedRun.run(
              connect,
              admin,
              "bench-scale-" + sink,
              configs.ours(target, topic, 1),
              topic,
              SLICES,
              kafka.worker().pid(),
              slice ->
                  System.out.printf(
                      "   slice %2d: %,11d events, %,9.0f events/s, worker RSS %,d MB, load %.1f%n",
                      slice.number(),
                      slice.endEvents(),
                      slice.rate(),
                      slice.rssMb(),
                      ProcessStats.load1()));
      ScaleResult result = new ScaleResult(sink, events, target.written(), slices);
      System.out.printf(
          "   last ÷ first %.2f, last ÷ second %.2f, RSS trend %+.0f MB over slices 2-10: %s%n",
          result.lastOverFirst(), result.lastOverSecond(), result.rssTrendMb(), result.verdict());
      return result;
    } finally {
      // frees the broker's disk before the next sink's topic
      admin.admin().deleteTopics(List.of(topic)).all().get();
    }
  }
}
