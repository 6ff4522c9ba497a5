package dev.pageevents.benchmarks.e2e;

import dev.pageevents.benchmarks.e2e.E2eResult.SingleRate;
import dev.pageevents.benchmarks.e2e.LagMonitor.Drain;
import dev.pageevents.benchmarks.e2e.LagMonitor.Sample;
import dev.pageevents.benchmarks.sink.BenchAdmin;
import dev.pageevents.benchmarks.sink.BenchEvents;
import dev.pageevents.benchmarks.sink.ConnectRun;
import dev.pageevents.benchmarks.sink.ProcessStats;
import dev.pageevents.benchmarks.sink.SinkConfigs;
import dev.pageevents.benchmarks.sink.SinkTarget;
import dev.pageevents.configs.ConnectRestClient;
import dev.pageevents.stack.KafkaConnectProcesses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

/**
 * The run itself, on started servers: the five sinks on one topic, an unmeasured warm-up window at
 * half the start rate (first writes create indexes and tables, the JIT is cold), the source probing
 * rates, the hold at the highest rate that kept up, then the limiting sink alone on a pre-filled
 * backlog.
 */
final class E2eRun implements AutoCloseable {
  static final String TOPIC = "e2e-page-events";
  static final String BACKLOG_TOPIC = "e2e-backlog";
  private static final int MAX_HOLDS = 2;
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final long MIN_DRAIN_BACKLOG = 5_000;

  private final E2eSettings settings;
  private final Map<String, SinkTarget> targets;
  private final SinkConfigs configs;
  private final ConnectRestClient rest;
  private final BenchAdmin admin;
  private final String connectUrl;
  private final String bootstrapServers;
  private final long workerPid;
  private final LagMonitor monitor;
  private final SourceControl source;

  E2eRun(E2eSettings settings, Map<String, SinkTarget> targets, KafkaConnectProcesses kafka)
      throws Exception {
    this.settings = settings;
    this.targets = targets;
    this.configs = new SinkConfigs(settings.plugins());
    this.connectUrl = kafka.connectUrl();
    this.bootstrapServers = kafka.bootstrapServers();
    this.workerPid = kafka.worker().pid();
    this.rest = new ConnectRestClient(connectUrl);
    this.admin = new BenchAdmin(bootstrapServers);
    Map<String, String> groups = new LinkedHashMap<>();
    targets.keySet().forEach(sink -> groups.put(sink, "connect-" + connectorName(sink)));
    this.monitor = new LagMonitor(admin, TOPIC, groups, workerPid);
    this.source =
        new SourceControl(
            rest, configs.sample("page-event-source-connector", "page-event-source.json"));
  }

  private static String connectorName(String sink) {
    return "e2e-" + sink;
  }

  E2eResult execute() throws Exception {
    createTopic(TOPIC);
    for (Map.Entry<String, SinkTarget> target : targets.entrySet()) {
      rest.put(
          connectorName(target.getKey()),
          configs.ours(target.getValue(), TOPIC, settings.sinkTasks()));
    }
    for (String sink : targets.keySet()) {
      rest.awaitRunning(List.of(connectorName(sink)), START_TIMEOUT);
    }
    System.out.println("Sinks running: " + targets.keySet());
    if (settings.warmupSeconds() > 0) {
      window("warm-up", settings.startRate() / 2, settings.warmupSeconds());
    }
    List<ProbeResult> probes = new ArrayList<>();
    RateSearch search =
        new RateSearch(settings.startRate(), settings.bisections(), settings.maxProbes());
    OptionalDouble rate;
    while ((rate = search.next()).isPresent()) {
      ProbeResult probe = window("probe", rate.getAsDouble(), settings.probeSeconds());
      probes.add(probe);
      search.record(probe.target(), probe.keptUp());
    }
    Optional<ProbeResult> hold = Optional.empty();
    OptionalDouble holdRate = search.best();
    // A short probe can pass a rate that 2 minutes cannot (stores slow down as they fill): then
    // hold once more at 2/3 of it; the failed hold stays in the table as a probe.
    for (int attempt = 1; holdRate.isPresent(); attempt++) {
      ProbeResult held = window("hold", holdRate.getAsDouble(), settings.holdSeconds());
      hold = Optional.of(held);
      if (held.keptUp() || attempt == MAX_HOLDS) {
        break;
      }
      probes.add(held);
      holdRate = OptionalDouble.of(Math.round(held.target() * 2 / 3));
    }
    Map<String, Drain> drains = burst();
    Map<String, String> checks = storeChecks();
    E2eResult partial =
        new E2eResult(probes, hold, drains, checks, Optional.empty(), monitor.peakRssMb());
    Optional<SingleRate> single = Optional.empty();
    Optional<String> limiting = partial.limitedBy().filter(targets::containsKey);
    if (limiting.isPresent()) {
      single = Optional.of(singleRate(limiting.get()));
    }
    return new E2eResult(probes, hold, drains, checks, single, monitor.peakRssMb());
  }

  /** Runs the source at {@code rate} for a window, then stops it and lets the sinks drain. */
  private ProbeResult window(String phase, double rate, int seconds) throws Exception {
    long before = monitor.produced();
    source.run(TOPIC, rate, 0);
    monitor.awaitProduction(before, START_TIMEOUT);
    List<Sample> samples = monitor.window(seconds, s -> ProbeResult.diverged(s, rate, seconds));
    ProbeResult result =
        ProbeResult.of(phase, rate, seconds, samples, monitor.peakRssMb(), ProcessStats.load1());
    source.stop();
    E2eReport.printWindow(result);
    E2eReport.printDrains(
        monitor.drain(Duration.ofSeconds(settings.drainSeconds()), MIN_DRAIN_BACKLOG));
    return result;
  }

  /**
   * Every sink drains the same backlog at once: the source writes {@code bench.e2e.drain.events} at
   * full speed ({@code max.events} counts the whole sequence so far), then stops.
   */
  private Map<String, Drain> burst() throws Exception {
    long before = monitor.produced();
    long until = before + settings.drainEvents();
    source.run(TOPIC, 0, until);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (monitor.produced() < until && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    source.stop();
    System.out.printf("burst: %,d events at full speed%n", monitor.produced() - before);
    Map<String, Drain> drains =
        monitor.drain(Duration.ofSeconds(settings.drainSeconds()), MIN_DRAIN_BACKLOG);
    E2eReport.printDrains(drains);
    return drains;
  }

  /** Each store's content against the topic's record count, once every sink has drained. */
  private Map<String, String> storeChecks() throws Exception {
    long produced = monitor.produced();
    Map<String, String> checks = new LinkedHashMap<>();
    for (Map.Entry<String, SinkTarget> target : targets.entrySet()) {
      long written = target.getValue().written();
      checks.put(
          target.getKey(),
          String.format(
              "%,d of %,d%s", written, produced, written == produced ? "" : " (mismatch)"));
    }
    return checks;
  }

  /**
   * The sink's rate alone: given as {@code bench.e2e.single.<sink>}, or measured after every e2e
   * connector is gone, draining a backlog the source wrote at full speed (timed like the sink
   * benchmark: the steady rate from the first committed offset to lag 0).
   */
  private SingleRate singleRate(String sink) throws Exception {
    Double given = settings.singleRates().get(sink);
    if (given != null) {
      return new SingleRate(sink, given, "given as bench.e2e.single." + sink);
    }
    rest.deleteAndAwait(SourceControl.NAME, ConnectRun.DELETE_TIMEOUT);
    for (String name : targets.keySet()) {
      rest.deleteAndAwait(connectorName(name), ConnectRun.DELETE_TIMEOUT);
    }
    int events = settings.singleEvents();
    createTopic(BACKLOG_TOPIC);
    String filler = "e2e-backlog-source";
    rest.put(filler, source.config(BACKLOG_TOPIC, 0, events));
    List<TopicPartition> partitions = BenchAdmin.partitions(BACKLOG_TOPIC);
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (admin.endOffsets(partitions) < events) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The backlog of " + events + " was not written in 5 min");
      }
      Thread.sleep(200);
    }
    rest.deleteAndAwait(filler, ConnectRun.DELETE_TIMEOUT);
    SinkTarget target = targets.get(sink);
    target.reset();
    try (ConnectRun run = new ConnectRun(connectUrl, bootstrapServers, workerPid)) {
      ConnectRun.Result result =
          run.run(
              "e2e-single-" + sink,
              configs.ours(target, BACKLOG_TOPIC, settings.sinkTasks()),
              BACKLOG_TOPIC);
      System.out.printf(
          "Single-sink %s: %,d events in %.1f s, steady %,.0f events/s%n",
          sink, events, result.seconds(), result.steadyRate());
      return new SingleRate(
          sink,
          result.steadyRate(),
          String.format(
              "measured alone on a pre-filled backlog of %,d events (%.1f s)",
              events, result.seconds()));
    }
  }

  private void createTopic(String topic) throws Exception {
    admin
        .admin()
        .createTopics(
            List.of(
                new NewTopic(topic, BenchEvents.PARTITIONS, (short) 1)
                    .configs(Map.of("retention.ms", "-1"))))
        .all()
        .get();
  }

  @Override
  public void close() {
    admin.close();
  }
}
