package dev.pageevents.benchmarks.sink;

import dev.pageevents.core.event.PageEvent;
import dev.pageevents.source.PageEventSourceConfig;
import dev.pageevents.source.generator.EventGenerator;
import dev.pageevents.source.generator.GeneratorSettings;
import dev.pageevents.stack.KafkaConnectProcesses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Neo4j sink (one task, real worker) and the native baseline each writing {@code
 * bench.growth.events} generator events into one growing graph, with the drain rate of every 10%
 * slice, the last slice's rate over the first's, a {@code PROFILE} of one batch at the first and
 * the last slice, and the store's size per visit. Settings: bench.growth.events (default
 * 2,000,000), bench.growth.users (10,000), bench.growth.pages (500, zipf), bench.neo4j.heap,
 * bench.neo4j.pagecache, bench.worker.heap.
 */
public final class Neo4jGrowthBenchmark {
  private static final String TOPIC = "bench-neo4j-growth";
  private static final String WARM_UP_TOPIC = "bench-neo4j-growth-warm-up";
  private static final int SLICES = 10;
  private static final int WARM_UP_EVENTS = 50_000;
  private static final int PROFILED_BATCH = 1_000;

  private final List<PageEvent> events;
  private final ConnectRun connect;
  private final BenchAdmin admin;
  private final SinkConfigs configs;
  private final Neo4jTarget target;

  private Neo4jGrowthBenchmark(
      List<PageEvent> events,
      ConnectRun connect,
      BenchAdmin admin,
      SinkConfigs configs,
      Neo4jTarget target) {
    this.events = events;
    this.connect = connect;
    this.admin = admin;
    this.configs = configs;
    this.target = target;
  }

  public static void main(String[] args) throws Exception {
    int count = Integer.getInteger("bench.growth.events", 2_000_000);
    Path plugins = Path.of(System.getProperty("bench.plugins", "target/plugins"));
    List<PageEvent> events =
        generate(
            count,
            Integer.getInteger("bench.growth.users", 10_000),
            Integer.getInteger("bench.growth.pages", 500));
    KafkaConnectProcesses kafka =
        SinkTargets.kafka(plugins, System.getProperty("bench.worker.heap", "1g"));
    try (kafka;
        Neo4jTarget target = new Neo4jTarget()) {
      kafka.start();
      BenchEvents.fill(kafka.bootstrapServers(), TOPIC, events);
      BenchEvents.fill(kafka.bootstrapServers(), WARM_UP_TOPIC, events.subList(0, WARM_UP_EVENTS));
      System.out.printf("Topic filled: %,d events; %s%n", count, Neo4jTarget.memory());
      target.start();
      try (ConnectRun connect =
              new ConnectRun(kafka.connectUrl(), kafka.bootstrapServers(), kafka.worker().pid());
          BenchAdmin admin = new BenchAdmin(kafka.bootstrapServers())) {
        new Neo4jGrowthBenchmark(events, connect, admin, new SinkConfigs(plugins), target).run();
      }
    }
  }

  /** The source connector's generator with its defaults but users and pages (zipf popularity). */
  static List<PageEvent> generate(int count, int users, int pages) {
    GeneratorSettings settings =
        GeneratorSettings.from(
            new PageEventSourceConfig(
                Map.of(
                    PageEventSourceConfig.TOPIC_CONFIG,
                    TOPIC,
                    GeneratorSettings.USERS_CONFIG,
                    Integer.toString(users),
                    GeneratorSettings.PAGES_CONFIG,
                    Integer.toString(pages),
                    GeneratorSettings.POPULARITY_CONFIG,
                    "zipf",
                    GeneratorSettings.START_TIME_CONFIG,
                    "2026-01-01T00:00:00Z",
                    GeneratorSettings.TIME_STEP_CONFIG,
                    "1")));
    EventGenerator generator = new EventGenerator(settings, 0, 1);
    List<PageEvent> events = new ArrayList<>(count);
    for (long sequence = 0; sequence < count; sequence++) {
      events.add(generator.event(sequence, 0));
    }
    return events;
  }

  private void run() throws Exception {
    warmUp();
    String[] profiles = new String[2];
    double[] sink = sinkSlices();
    long sinkStored = target.written();
    target.reset();
    double[] nativeRates = nativeSlices(profiles);
    long nativeStored = target.written();
    long storeBytes = target.stopAndMeasureStore();
    print(sink, nativeRates, profiles);
    System.out.printf(
        "Stored: sink %,d, native %,d of %,d events. Store files after a checkpoint: %,d MB for"
            + " %,d events, %.0f bytes per event.%n",
        sinkStored,
        nativeStored,
        events.size(),
        storeBytes >> 20,
        events.size(),
        storeBytes / (double) events.size());
  }

  /** One unmeasured pass of the connector and of the native client, then an empty graph. */
  private void warmUp() throws Exception {
    connect.run(
        "bench-neo4j-growth-warm-up", configs.ours(target, WARM_UP_TOPIC, 1), WARM_UP_TOPIC);
    target.reset();
    target.writeNative(events.subList(0, WARM_UP_EVENTS));
    target.reset();
  }

  /** Events per second of each 10% slice, from the connector group's committed offsets. */
  private double[] sinkSlices() throws Exception {
    double[] rates = new double[SLICES];
    SlicedRun.Listener perSlice =
        new SlicedRun.Listener() {
          private CpuMeter cpu;

          @Override
          public void started() {
            cpu = CpuMeter.start(target.serverPid());
          }

          @Override
          public void closed(Slicer.Slice slice) {
            rates[slice.number() - 1] = slice.rate();
            report("sink", slice.number() - 1, slice.rate(), slice.events(), cpu.stop());
            cpu = CpuMeter.start(target.serverPid());
          }
        };
    SlicedRun.run(
        connect,
        admin,
        "bench-neo4j-growth",
        configs.ours(target, TOPIC, 1),
        TOPIC,
        SLICES,
        -1,
        perSlice);
    return rates;
  }

  /** Events per second of each 10% slice written by the native client into one graph. */
  private double[] nativeSlices(String[] profiles) throws Exception {
    double[] rates = new double[SLICES];
    int size = events.size();
    for (int slice = 0; slice < SLICES; slice++) {
      List<PageEvent> part = events.subList(size * slice / SLICES, size * (slice + 1) / SLICES);
      if (slice == 0 || slice == SLICES - 1) {
        profiles[slice == 0 ? 0 : 1] = target.profileNative(part.subList(0, PROFILED_BATCH));
      }
      CpuMeter cpu = CpuMeter.start(target.serverPid());
      long start = System.nanoTime();
      target.writeNative(part);
      rates[slice] = part.size() / ((System.nanoTime() - start) / 1e9);
      report("native", slice, rates[slice], part.size(), cpu.stop());
    }
    return rates;
  }

  private static void report(
      String writer, int slice, double rate, long written, CpuMeter.Usage cpu) {
    System.out.printf(
        "   %s slice %d: %,.0f events/s, Neo4j server %.2f CPU s per 100k events, machine %.0f%%"
            + " busy, load %.1f%n",
        writer,
        slice + 1,
        rate,
        cpu.processCpuSeconds() * 100_000 / written,
        cpu.machineBusyPercent(),
        ProcessStats.load1());
  }

  private void print(double[] sink, double[] nativeRates, String[] profiles) {
    StringBuilder table =
        new StringBuilder(
            "| slice | events stored at its end | sink events/s | native events/s | sink ÷ native"
                + " |\n|---|---|---|---|---|\n");
    for (int slice = 0; slice < SLICES; slice++) {
      table.append(
          String.format(
              "| %d | %,d | %,.0f | %,.0f | %.2f |%n",
              slice + 1,
              (long) events.size() * (slice + 1) / SLICES,
              sink[slice],
              nativeRates[slice],
              sink[slice] / nativeRates[slice]));
    }
    System.out.print(table);
    System.out.printf(
        "Last slice ÷ first: sink %.2f, native %.2f (goal ≥ 0.8)%n",
        sink[SLICES - 1] / sink[0], nativeRates[SLICES - 1] / nativeRates[0]);
    System.out.println("PROFILE first slice: " + profiles[0]);
    System.out.println("PROFILE last slice: " + profiles[1]);
  }
}
