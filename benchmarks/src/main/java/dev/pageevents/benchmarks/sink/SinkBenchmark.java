package dev.pageevents.benchmarks.sink;

import dev.pageevents.core.event.PageEvent;
import dev.pageevents.stack.KafkaConnectProcesses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every sink in a real Connect worker (its own JVM) against its store's native client on the same
 * embedded server with the same records, in one run; and the MongoDB sink against mongo-kafka.
 * Prints a table and writes it into docs/benchmarks.md. Settings are system properties (see the
 * benchmarks README): bench.events, bench.events.SINK, bench.sinks, bench.sink.tasks,
 * bench.mongo.kafka, bench.jfr; with bench.proxy.delays only pipelined vs inline writes through a
 * delaying proxy run ({@link ProxiedComparison}).
 */
public final class SinkBenchmark {
  static final String TOPIC = "bench-page-events";
  static final String SMALL_TOPIC = "bench-page-events-small";

  /**
   * Extra one-task runs of our connector with settings changed, each a row of its own for a
   * before/after in one run: writing inside put() ({@code bench.unpipelined}), and the value
   * converters listed in {@code bench.value.converters} in that order ({@code json}: JsonConverter
   * schemaless, {@code string}: StringConverter; repeat or swap them to see the order's effect).
   */
  private static final List<Variant> VARIANTS = variants();

  private record Variant(String writer, Map<String, String> settings) {}

  private final List<PageEvent> events;
  private final List<Integer> taskCounts;
  private final SinkConfigs configs;
  private final boolean jfr;
  private final List<Row> rows = new ArrayList<>();
  private ConnectRun connect;
  private ProxiedComparison proxied;
  private long workerPid;
  private WorkerProfiler profiler;
  private PlainConsumerApp app;
  private int runs;
  private boolean warmingUp;

  private SinkBenchmark(
      List<PageEvent> events, List<Integer> taskCounts, SinkConfigs configs, boolean jfr) {
    this.events = events;
    this.taskCounts = taskCounts;
    this.configs = configs;
    this.jfr = jfr;
  }

  public static void main(String[] args) throws Exception {
    int count = Integer.getInteger("bench.events", 1_000_000);
    List<String> sinks = Arrays.asList(System.getProperty("bench.sinks", "mongo").split(","));
    List<Integer> tasks =
        Arrays.stream(System.getProperty("bench.sink.tasks", "1,2").split(","))
            .map(String::trim)
            .map(Integer::valueOf)
            .toList();
    boolean mongoKafka = Boolean.parseBoolean(System.getProperty("bench.mongo.kafka", "true"));
    boolean jfr = Boolean.parseBoolean(System.getProperty("bench.jfr", "false"));
    Path plugins = Path.of(System.getProperty("bench.plugins", "target/plugins"));
    List<Long> proxyDelays = ProxiedComparison.delaysFromProperty();
    String workerHeap = System.getProperty("bench.worker.heap", "1g");

    long started = System.nanoTime();
    ServiceManifest.writeMongoKafka(plugins);
    List<PageEvent> events = BenchEvents.generate(count);
    SinkBenchmark bench = new SinkBenchmark(events, tasks, new SinkConfigs(plugins), jfr);
    KafkaConnectProcesses kafka = SinkTargets.kafka(plugins, workerHeap);
    try {
      kafka.start();
      BenchEvents.fill(kafka.bootstrapServers(), TOPIC, events);
      int small = bench.smallCount();
      BenchEvents.fill(kafka.bootstrapServers(), SMALL_TOPIC, events.subList(0, small));
      Set<Integer> otherCounts = new TreeSet<>();
      sinks.forEach(sink -> otherCounts.add(bench.eventsFor(sink.trim())));
      otherCounts.removeAll(List.of(count, small)); // Set.of fails when they are equal
      for (int other : otherCounts) {
        BenchEvents.fill(kafka.bootstrapServers(), bench.topicFor(other), events.subList(0, other));
      }
      System.out.printf("Topics filled: %,d and %,d events%n", count, small);
      bench.workerPid = kafka.worker().pid();
      bench.connect = new ConnectRun(kafka.connectUrl(), kafka.bootstrapServers(), bench.workerPid);
      bench.app = new PlainConsumerApp(kafka.bootstrapServers());
      bench.profiler = new WorkerProfiler(kafka.worker().pid(), plugins.resolveSibling("jfr"));
      if (!proxyDelays.isEmpty()) {
        bench.proxied = new ProxiedComparison(proxyDelays, bench.configs, bench.connect);
      }
      for (String sink : sinks) {
        if (bench.proxied != null) {
          bench.runThroughProxy(sink.trim());
        } else {
          bench.runSink(sink.trim(), mongoKafka);
        }
      }
      if (bench.proxied == null && mongoKafka && sinks.contains("mongo")) {
        bench.runMongoH2(events.subList(0, small));
      }
    } finally {
      if (bench.connect != null) {
        bench.connect.close();
      }
      kafka.close();
    }
    Path docs = Path.of(System.getProperty("bench.docs", "docs/benchmarks.md"));
    double seconds = (System.nanoTime() - started) / 1e9;
    if (bench.proxied != null) {
      String table = ProxiedReport.table(bench.proxied.runs());
      System.out.println(table);
      ProxiedReport.write(docs, table, count, seconds);
      return;
    }
    String report = Report.table(bench.rows);
    System.out.println(report);
    Report.write(docs, report, count, seconds);
  }

  /** Warm-up, then only the pipelined-vs-inline runs through a delaying proxy. */
  private void runThroughProxy(String sink) throws Exception {
    try (SinkTarget target = SinkTargets.create(sink)) {
      target.start();
      System.out.println("== " + sink + " through a TCP proxy: " + target.server());
      warmUp(target, false);
      int measured = eventsFor(sink);
      proxied.run(target, topicFor(measured), measured);
    }
  }

  private static List<Variant> variants() {
    List<Variant> variants = new ArrayList<>();
    if (Boolean.getBoolean("bench.unpipelined")) {
      variants.add(
          new Variant("ours, pipelined.writes=false", Map.of("pipelined.writes", "false")));
    }
    for (String converter : System.getProperty("bench.value.converters", "").split(",")) {
      switch (converter.trim()) {
        case "" -> {}
        case "json" ->
            variants.add(
                new Variant(
                    "ours, JsonConverter",
                    Map.of(
                        "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                        "value.converter.schemas.enable", "false")));
        case "string" ->
            variants.add(
                new Variant(
                    "ours, StringConverter",
                    Map.of("value.converter", "org.apache.kafka.connect.storage.StringConverter")));
        default ->
            throw new IllegalArgumentException(
                "bench.value.converters takes json and string, not " + converter);
      }
    }
    return variants;
  }

  private void runSink(String sink, boolean mongoKafka) throws Exception {
    try (SinkTarget target = SinkTargets.create(sink)) {
      target.start();
      System.out.println("== " + sink + ": " + target.server());
      warmUp(target, mongoKafka);
      List<PageEvent> measured = events.subList(0, eventsFor(sink));
      String topic = topicFor(measured.size());
      for (int tasks : taskCounts) {
        runConnector(target, "ours", configs.ours(target, topic, tasks), tasks, measured.size());
      }
      for (Variant variant : VARIANTS) {
        Map<String, String> config = configs.ours(target, topic, 1);
        config.putAll(variant.settings());
        runConnector(target, variant.writer(), config, 1, measured.size());
      }
      if (mongoKafka && target instanceof MongoTarget mongo) {
        for (int tasks : taskCounts) {
          target.reset();
          mongo.createIndexes();
          runConnector(
              target,
              "mongo-kafka 2.0.1",
              SinkConfigs.mongoKafka(mongo, topic, tasks),
              tasks,
              measured.size());
        }
      }
      runApp(target, topic, measured.size());
      runNative(target, measured);
    }
  }

  /**
   * One unmeasured pass of every writer over the small topic, so the worker's JIT, the clients'
   * connections and the server's caches are warm for each of them alike.
   */
  private void warmUp(SinkTarget target, boolean mongoKafka) throws Exception {
    warmingUp = true;
    try {
      List<PageEvent> subset = events.subList(0, smallCount());
      runConnector(target, "ours", configs.ours(target, SMALL_TOPIC, 1), 1, subset.size());
      if (mongoKafka && target instanceof MongoTarget mongo) {
        target.reset();
        runConnector(
            target,
            "mongo-kafka 2.0.1",
            SinkConfigs.mongoKafka(mongo, SMALL_TOPIC, 1),
            1,
            subset.size());
      }
      runApp(target, SMALL_TOPIC, subset.size());
      runNative(target, subset);
    } finally {
      warmingUp = false;
    }
  }

  /**
   * Events measured for one sink: {@code bench.events.<sink>} when set (the slow stores' defaults
   * keep the whole command within its time budget), else all of {@code bench.events}.
   */
  private int eventsFor(String sink) {
    return Math.min(events.size(), Integer.getInteger("bench.events." + sink, events.size()));
  }

  /** The pre-filled topic holding the first {@code count} events. */
  private String topicFor(int count) {
    if (count == events.size()) {
      return TOPIC;
    }
    return count == smallCount() ? SMALL_TOPIC : TOPIC + "-" + count;
  }

  private int smallCount() {
    return Math.min(events.size(), Integer.getInteger("bench.small.events", 50_000));
  }

  /** Both connectors and the native client on the H2 backend, with the smaller topic. */
  private void runMongoH2(List<PageEvent> subset) throws Exception {
    try (MongoTarget target = new MongoTarget(false)) {
      target.start();
      System.out.println("== mongo-h2: " + target.server());
      runConnector(target, "ours", configs.ours(target, SMALL_TOPIC, 1), 1, subset.size());
      target.reset();
      target.createIndexes();
      runConnector(
          target,
          "mongo-kafka 2.0.1",
          SinkConfigs.mongoKafka(target, SMALL_TOPIC, 1),
          1,
          subset.size());
      runNative(target, subset);
    }
  }

  private void runConnector(
      SinkTarget target, String writer, Map<String, String> config, int tasks, int expected)
      throws Exception {
    if (writer.startsWith("ours")) {
      target.reset();
    }
    String name = "bench-" + target.name() + "-" + (++runs);
    profiler.start(name, jfr);
    CpuMeter cpu = CpuMeter.start(workerPid);
    ConnectRun.Result result = connect.run(name, config, config.get("topics"));
    CpuMeter.Usage usage = cpu.stop();
    profiler.stop(name, jfr);
    long written = target.written();
    add(
        target,
        writer,
        tasks,
        expected,
        result.seconds(),
        result.steadyRate(),
        result.peakRssMb(),
        usage,
        written);
  }

  /**
   * The plain-consumer app a user would write instead, on the same topic, into the emptied store.
   */
  private void runApp(SinkTarget target, String topic, int expected) throws Exception {
    target.reset();
    CpuMeter cpu = CpuMeter.start(ProcessHandle.current().pid());
    PlainConsumerApp.Result result =
        app.run(target, configs.ours(target, topic, 1), topic, expected);
    CpuMeter.Usage usage = cpu.stop();
    add(
        target,
        Row.APP,
        1,
        expected,
        result.seconds(),
        result.steadyRate(),
        -1,
        usage,
        target.written());
  }

  private void runNative(SinkTarget target, List<PageEvent> subset) throws Exception {
    target.reset();
    CpuMeter cpu = CpuMeter.start(ProcessHandle.current().pid());
    long start = System.nanoTime();
    target.writeNative(subset);
    double seconds = (System.nanoTime() - start) / 1e9;
    CpuMeter.Usage usage = cpu.stop();
    add(
        target,
        Row.NATIVE,
        1,
        subset.size(),
        seconds,
        subset.size() / seconds,
        -1,
        usage,
        target.written());
    if (!warmingUp) {
      System.out.println("   native: " + target.nativeMethod());
    }
  }

  private void add(
      SinkTarget target,
      String writer,
      int tasks,
      long expected,
      double seconds,
      double steady,
      long rss,
      CpuMeter.Usage cpu,
      long written) {
    String note = Row.storeNote(written, expected);
    Row row =
        new Row(
            target.name(),
            writer,
            tasks,
            expected,
            seconds,
            steady,
            rss,
            ProcessStats.load1(),
            cpu,
            note);
    if (!warmingUp) {
      rows.add(row);
    }
    System.out.printf(
        (warmingUp ? "   (warm-up) " : "   ")
            + "%-18s %d task(s): %,9.0f events/s (%.1f s, steady %,.0f/s) rss %d MB load %.1f,"
            + " machine CPU %.0f%%, writer %.1f CPU s/100k %s%n",
        writer,
        tasks,
        row.rate(),
        seconds,
        steady,
        rss,
        row.load(),
        cpu.machineBusyPercent(),
        row.cpuPer100k(),
        note);
  }
}
