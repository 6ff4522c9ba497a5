package dev.pageevents.pipeline.demo;

import dev.pageevents.configs.ConnectRestClient;
import dev.pageevents.configs.ConnectorConfigs;
import dev.pageevents.core.view.ViewSample;
import dev.pageevents.pipeline.cli.Args;
import dev.pageevents.pipeline.compare.Compare;
import dev.pageevents.pipeline.compare.Comparison;
import dev.pageevents.pipeline.compare.ComparisonTable;
import dev.pageevents.pipeline.compare.Store;
import dev.pageevents.pipeline.compare.TopicTruth;
import dev.pageevents.pipeline.live.LiveServer;
import dev.pageevents.pipeline.live.LiveTarget;
import dev.pageevents.pipeline.progress.Progress;
import dev.pageevents.pipeline.progress.StallWatch;
import dev.pageevents.stack.KafkaConnectProcesses;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The one-command demo of the whole pipeline: starts Kafka, a Connect worker with the plugin
 * archives and the five stores, registers the connect-configs through the REST API, runs the source
 * for N events while showing each sink's progress, then compares every store with the topic, shows
 * one query per store and where the data lives. Exit code 0 when every store matches.
 */
public final class Demo {
  public static final long DEFAULT_EVENTS = 100_000;
  public static final int DEFAULT_CONNECT_PORT = 8083;
  public static final String SOURCE = "page-event-source";
  public static final String TOPIC_KEY = "topic";

  /** The simulated clock of the generated events: all in one day, 100 ms apart. */
  static final Instant START_TIME = Instant.parse("2026-01-01T00:00:00Z");

  static final long TIME_STEP_MS = 100;

  static final String USAGE =
      """
      demo [--events N] [--format pack|course] [--cluster] [--keep-running] [--connect-port 8083]
           [--live-port 8090] [--plugin-path DIR] [--configs connect-configs/connectors]
           [--set <connector>.<key>=<value>]...""";

  /** The source's {@code event.format} values: the pack's own and the course's format. */
  static final Set<String> FORMATS = Set.of("pack", "course");

  private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(30);

  /**
   * How long a sink may have records left and commit nothing before the demo reports it stopped.
   * The slowest sink on a loaded machine went 2 minutes between commits; a stopped one never
   * commits again.
   */
  private static final Duration STALL_LIMIT = Duration.ofMinutes(5);

  private static final Duration AGREE_TIMEOUT = Duration.ofSeconds(60);

  /**
   * Free memory {@code --cluster} needs. Measured 2026-12-05: the demo JVM and every server it
   * forks peaked at 4,891 MiB resident (summed VmRSS, sampled every 2 s) with one broker and Redis
   * without replicas; two more brokers add up to about 800 MiB (410 MB each at most, see
   * servers.md) and the second Connect worker about 350 MiB, so 6.5 GiB.
   */
  static final long CLUSTER_MEMORY_MIB = 6_656;

  private final Options options;
  private final PrintStream out;
  private volatile LiveServer live;
  private ClusterFaults faults;

  /**
   * What to run.
   *
   * @param livePort where the live view is served (0: any free port, negative: not served)
   */
  public record Options(
      long events,
      boolean keepRunning,
      int connectPort,
      Path pluginPath,
      Path configsDir,
      List<String> sets,
      int livePort,
      boolean cluster) {
    /** On single servers, without the live view. */
    public Options(
        long events,
        boolean keepRunning,
        int connectPort,
        Path pluginPath,
        Path configsDir,
        List<String> sets) {
      this(events, keepRunning, connectPort, pluginPath, configsDir, sets, -1, false);
    }
  }

  public Demo(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /** Parses the arguments and runs the demo; returns the exit code. */
  public static int main(String[] argv, PrintStream out) {
    if (Args.helpAsked(argv, USAGE, out)) {
      return 0;
    }
    return new Demo(options(argv), out).run();
  }

  /** The options of the command line; {@code --format} becomes the source's event.format. */
  static Options options(String[] argv) {
    Args args =
        Args.parse(
            argv,
            Set.of(
                "--events",
                "--format",
                "--connect-port",
                "--live-port",
                "--plugin-path",
                "--configs"),
            Set.of("--keep-running", "--cluster"));
    String configs = args.get("--configs");
    List<String> sets = new ArrayList<>();
    String format = args.get("--format");
    if (format != null) {
      if (!FORMATS.contains(format)) {
        throw new IllegalArgumentException(
            "--format expects one of " + FORMATS + ", got '" + format + "'");
      }
      sets.add(SOURCE + ".event.format=" + format);
    }
    sets.addAll(args.sets());
    return new Options(
        args.number("--events", DEFAULT_EVENTS),
        args.flag("--keep-running"),
        (int) args.number("--connect-port", DEFAULT_CONNECT_PORT),
        Path.of(
            args.get(
                "--plugin-path", System.getProperty("plugins.dir", "pipeline/target/plugins"))),
        configs == null ? null : Path.of(configs),
        sets,
        (int) args.number("--live-port", LiveServer.DEFAULT_PORT),
        args.flag("--cluster"));
  }

  /** Runs everything and stops what it started (unless --keep-running, then on Ctrl-C). */
  public int run() {
    long begin = System.nanoTime();
    if (options.cluster()) {
      MemoryCheck.require(CLUSTER_MEMORY_MIB, MemoryCheck.MEMINFO, "./demo --cluster")
          .ifPresent(
              free ->
                  out.printf(
                      "Memory: %,d MiB available, the cluster run needs about %,d MiB%n",
                      free, CLUSTER_MEMORY_MIB));
    }
    out.printf(
        "Starting Kafka, Connect (REST on port %d) and five stores%s...%n",
        options.connectPort(),
        options.cluster()
            ? String.format(
                " (Cassandra %d nodes, Elasticsearch %d nodes, Redis Cluster, %d Kafka broker(s), %d"
                    + " Connect workers)",
                shape().cassandraNodes(),
                shape().elasticsearchNodes(),
                shape().kafkaBrokers(),
                shape().connectWorkers())
            : "");
    DemoStack stack =
        DemoStack.start(
            shape()
                .kafka(
                    KafkaConnectProcesses.builder()
                        .restPort(options.connectPort())
                        .pluginPath(options.pluginPath())),
            shape().embedded(),
            out);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              closeLive();
              stack.close();
              stopped.countDown();
            },
            "demo-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    boolean keepUp = false;
    try {
      out.printf("Stack ready after %.1f s%n", seconds(begin));
      Map<String, Map<String, String>> configs = configs(stack);
      String topic = configs.get(SOURCE).get(TOPIC_KEY);
      Topics.create(stack.bootstrapServers(), topic, configs.get(SOURCE));
      serveLive(stack, topic, configs);
      if (options.cluster()) {
        faults = new ClusterFaults(stack, topic, byStore(configs), out);
      }
      List<String> sinks = register(stack.connectUrl(), configs);
      long started = System.nanoTime();
      awaitCatchUp(stack, topic, sinks, configs);
      out.printf(
          "All %d sinks caught up: %,d events in %.1f s (%.0f events/s end to end)%n",
          sinks.size(), options.events(), seconds(started), options.events() / seconds(started));
      out.printf(
          "First event in '%s': %s%n",
          topic, TopicTruth.firstValue(stack.bootstrapServers(), topic, Duration.ofSeconds(30)));
      Comparison comparison = compare(stack, topic, configs);
      if (faults != null) {
        faults.printPlacement("after the faults");
      }
      out.println();
      out.print(ComparisonTable.render(comparison, 20));
      new Showcase(byStore(configs), out)
          .print(new ViewSample(topPage(comparison), "user-1", START_TIME));
      out.printf("%nDemo finished in %.1f s%n", seconds(begin));
      if (options.keepRunning()) {
        keepUp = true;
        printUrls(stack);
        stopped.await();
      }
      return comparison.matches() ? 0 : 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } finally {
      if (faults != null) {
        faults.close();
      }
      if (!keepUp) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
          closeLive();
          stack.close();
        } catch (IllegalStateException e) {
          // the JVM is already shutting down: the hook stops the stack
        }
      }
    }
  }

  private StackShape shape() {
    return options.cluster() ? StackShape.CLUSTER : StackShape.SINGLE;
  }

  /** The connect-configs with the demo's settings: where the stores are, how many events. */
  public Map<String, Map<String, String>> configs(DemoStack stack) {
    Map<String, Map<String, String>> loaded =
        options.configsDir() == null
            ? ConnectorConfigs.bundled()
            : ConnectorConfigs.load(options.configsDir());
    Map<String, Map<String, String>> configs = new LinkedHashMap<>();
    Map<Store, String> endpoints = stack.endpoints();
    loaded.forEach(
        (name, config) -> {
          Map<String, String> copy = new LinkedHashMap<>(config);
          Store.of(config).ifPresent(store -> copy.putAll(store.connection(endpoints.get(store))));
          if (Store.of(config).orElse(null) == Store.CASSANDRA) {
            copy.put("cassandra.local.datacenter", stack.cassandraDatacenter());
          }
          configs.put(name, copy);
        });
    Map<String, String> source = configs.get(SOURCE);
    if (source == null) {
      throw new IllegalArgumentException(
          "No '" + SOURCE + "' connector config in " + loaded.keySet());
    }
    source.put("max.events", Long.toString(options.events()));
    source.put("events.per.second", "0");
    source.put("start.time", START_TIME.toString());
    source.put("time.step.ms", Long.toString(TIME_STEP_MS));
    if (options.cluster()) {
      ClusterSettings.apply(configs, shape());
    }
    return ConnectorConfigs.withOverrides(configs, options.sets());
  }

  /** Serves the live view of the stack unless disabled; a taken port is reported, not fatal. */
  private void serveLive(DemoStack stack, String topic, Map<String, Map<String, String>> configs) {
    if (options.livePort() < 0) {
      return;
    }
    LiveTarget target =
        new LiveTarget(
            stack.bootstrapServers(),
            topic,
            stack.connectUrl(),
            configs,
            Map.of(),
            LiveTarget.DEFAULT_COMPARE_EVERY);
    try {
      live = LiveServer.start(target, options.livePort(), stack.nodeEndpoints());
      out.println("Live view: " + live.url());
    } catch (UncheckedIOException e) {
      out.println("Live view not served: " + e.getMessage() + " (choose another --live-port)");
    }
  }

  private void closeLive() {
    LiveServer server = live;
    live = null;
    if (server != null) {
      server.close();
    }
  }

  public List<String> register(String connectUrl, Map<String, Map<String, String>> configs) {
    ConnectRestClient rest = new ConnectRestClient(connectUrl);
    List<String> sinks =
        configs.keySet().stream().filter(n -> Store.of(configs.get(n)).isPresent()).toList();
    long begin = System.nanoTime();
    sinks.forEach(name -> rest.put(name, configs.get(name)));
    rest.awaitRunning(sinks, Duration.ofMinutes(3));
    rest.put(SOURCE, configs.get(SOURCE));
    rest.awaitRunning(List.of(SOURCE), Duration.ofMinutes(3));
    out.printf(
        "Registered %d connectors through %s/connectors, all RUNNING after %.1f s%n",
        sinks.size() + 1, connectUrl, seconds(begin));
    return sinks;
  }

  void awaitCatchUp(
      DemoStack stack, String topic, List<String> sinks, Map<String, Map<String, String>> configs)
      throws InterruptedException {
    Map<String, String> titles = new LinkedHashMap<>();
    sinks.forEach(name -> titles.put(name, Store.of(configs.get(name)).orElseThrow().title()));
    boolean console = System.console() != null;
    long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
    long lastPrint = 0;
    boolean faulted = false;
    StallWatch stalls = new StallWatch(STALL_LIMIT);
    try (Progress progress = new Progress(stack.bootstrapServers(), topic, sinks)) {
      while (true) {
        Progress.Snapshot now = progress.snapshot();
        Optional<Progress.SinkProgress> stalled = stalls.stalled(now, System.nanoTime());
        if (stalled.isPresent()) {
          throw SinkStallReport.gather(stalled.get(), STALL_LIMIT, stack.kafka().workers(), out);
        }
        boolean done = now.caughtUp(options.events());
        if (done || console || System.nanoTime() - lastPrint > 5_000_000_000L) {
          String line = now.line(options.events(), titles);
          out.print(console ? "\r" + line + "   " : line + "\n");
          lastPrint = System.nanoTime();
        }
        if (done) {
          out.print(console ? "\n" : "");
          return;
        }
        if (faults != null && !faulted && quarterThrough(now)) {
          faulted = true;
          out.print(console ? "\n" : "");
          faults.printPlacement("now, mid-stream");
          faults.killOneNodeOfEach();
          out.println();
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("The sinks did not catch up within " + CATCH_UP_TIMEOUT);
        }
        Thread.sleep(500);
      }
    }
  }

  /**
   * Whether the fastest sink has written a quarter of the events to its store: the others are then
   * still streaming (a kill later would find the fast stores done).
   */
  private boolean quarterThrough(Progress.Snapshot now) {
    long fastest =
        now.sinks().values().stream().mapToLong(Progress.SinkProgress::committed).max().orElse(0);
    return fastest >= options.events() / 4;
  }

  /** Compares until every store agrees or {@link #AGREE_TIMEOUT} passes (stores refresh lazily). */
  public static Comparison compare(
      DemoStack stack, String topic, Map<String, Map<String, String>> configs)
      throws InterruptedException {
    try (Compare compare = Compare.open(stack.bootstrapServers(), topic, configs, Map.of())) {
      long deadline = System.nanoTime() + AGREE_TIMEOUT.toNanos();
      Comparison comparison = compare.run();
      while (!comparison.matches() && System.nanoTime() < deadline) {
        Thread.sleep(1000);
        comparison = compare.run();
      }
      return comparison;
    }
  }

  private static Map<Store, Map<String, String>> byStore(Map<String, Map<String, String>> configs) {
    Map<Store, Map<String, String>> byStore = new EnumMap<>(Store.class);
    configs.values().forEach(c -> Store.of(c).ifPresent(s -> byStore.put(s, c)));
    return byStore;
  }

  private static String topPage(Comparison comparison) {
    return comparison.rows().stream()
        .filter(r -> r.kafka() != null)
        .max(Comparator.comparingLong(r -> r.kafka().visits()))
        .map(Comparison.Row::page)
        .orElse("/page/1");
  }

  private void printUrls(DemoStack stack) {
    out.println();
    out.println("Running until Ctrl-C:");
    out.println("  Connect REST  " + stack.connectUrl() + "/connectors?expand=status");
    out.println("  Kafka         " + stack.bootstrapServers());
    if (live != null) {
      out.println("  Live view     " + live.url());
    }
    stack
        .endpoints()
        .forEach((store, endpoint) -> out.printf("  %-13s %s%n", store.title(), endpoint));
  }

  private static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }
}
