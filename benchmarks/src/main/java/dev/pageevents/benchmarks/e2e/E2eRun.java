package dev.pageevents.benchmarks.e2e;

import dev.pageevents.benchmarks.e2e.LagMonitor.Drain;
import dev.pageevents.benchmarks.e2e.LagMonitor.Sample;
import dev.pageevents.benchmarks.sink.BenchAdmin;
import dev.pageevents.benchmarks.sink.BenchEvents;
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
 * rates, the hold at the highest rate that kept up, a burst all sinks drain at once, then each part
 * alone on stores of the same size: each sink draining a backlog, the source writing unthrottled.
 */
final class E2eRun implements AutoCloseable {
  static final String TOPIC = "e2e-page-events";
  static final String SOURCE_ALONE_TOPIC = "e2e-source-alone";
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
    Map<String, AloneRate> alone = alone();
    return new E2eResult(probes, hold, drains, alone, storeChecks(), monitor.peakRssMb());
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
    fill(before + settings.drainEvents());
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

  /** The source writes at full speed until the topic holds {@code until} records, then stops. */
  private void fill(long until) throws Exception {
    source.run(TOPIC, 0, until);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (monitor.produced() < until && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    source.stop();
  }

  /**
   * Each part's rate alone, on stores of the size the end-to-end phase left: every sink is stopped,
   * the source writes {@code bench.e2e.alone.events} at full speed, then each sink alone drains
   * that backlog and is stopped again; finally the source alone writes {@code
   * bench.e2e.source.alone.events} unthrottled into a scratch topic. Source first in the map.
   */
  private Map<String, AloneRate> alone() throws Exception {
    for (String sink : targets.keySet()) {
      rest.stop(connectorName(sink));
    }
    for (String sink : targets.keySet()) {
      rest.awaitStopped(connectorName(sink), START_TIMEOUT);
    }
    fill(monitor.produced() + settings.aloneEvents());
    Map<String, AloneRate> sinks = new LinkedHashMap<>();
    for (String sink : targets.keySet()) {
      String name = connectorName(sink);
      rest.resume(name);
      AloneRate rate =
          AloneRate.measure(
              () -> monitor.committed(sink),
              monitor.produced(),
              Duration.ofSeconds(settings.drainSeconds()));
      rest.stop(name);
      rest.awaitStopped(name, START_TIMEOUT);
      E2eReport.printAlone(sink, rate);
      sinks.put(sink, rate);
    }
    Map<String, AloneRate> alone = new LinkedHashMap<>();
    alone.put(E2eReport.SOURCE, sourceAlone());
    alone.putAll(sinks);
    return alone;
  }

  /** The source unthrottled into a topic no sink reads, continuing its sequence. */
  private AloneRate sourceAlone() throws Exception {
    createTopic(SOURCE_ALONE_TOPIC);
    List<TopicPartition> partitions = BenchAdmin.partitions(SOURCE_ALONE_TOPIC);
    int events = settings.sourceAloneEvents();
    source.run(SOURCE_ALONE_TOPIC, 0, monitor.produced() + events);
    AloneRate rate = AloneRate.measure(() -> admin.endOffsets(partitions), events, START_TIMEOUT);
    source.stop();
    E2eReport.printAlone(E2eReport.SOURCE, rate);
    return rate;
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
