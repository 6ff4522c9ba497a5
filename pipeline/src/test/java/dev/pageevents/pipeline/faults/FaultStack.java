package dev.pageevents.pipeline.faults;

import dev.pageevents.configs.ConnectRestClient;
import dev.pageevents.pipeline.compare.Compare;
import dev.pageevents.pipeline.compare.Comparison;
import dev.pageevents.pipeline.compare.ComparisonTable;
import dev.pageevents.pipeline.compare.Store;
import dev.pageevents.pipeline.demo.Demo;
import dev.pageevents.pipeline.demo.DemoStack;
import dev.pageevents.pipeline.demo.Topics;
import dev.pageevents.pipeline.progress.Progress;
import dev.pageevents.stack.ConnectWorkerServer;
import dev.pageevents.stack.KafkaConnectProcesses;
import dev.pageevents.stack.StoreServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The demo's stack for faults: the demo's own stores (or clusters in their place), Kafka and a
 * Connect group (JMX on, exactly-once source support, sinks reading committed records), the
 * connect-configs registered as the demo does. The source streams at a steady rate; each fault
 * extends the stream by raising {@code max.events}, then waits until every store equals the topic
 * again.
 */
final class FaultStack implements AutoCloseable {
  static final int WORKERS = 3;
  static final int RATE = 200;

  private final DemoStack stack;
  private final Map<String, Map<String, String>> configs;
  private final String topic;
  private final List<String> sinks;
  private ConnectRestClient rest;
  private long target = 1; // the idle source writes one event

  private FaultStack(
      DemoStack stack, Map<String, Map<String, String>> configs, List<String> sinks) {
    this.stack = stack;
    this.configs = configs;
    this.topic = configs.get(Demo.SOURCE).get(Demo.TOPIC_KEY);
    this.sinks = sinks;
    this.rest = new ConnectRestClient(stack.connectUrl());
  }

  /** The demo's single-node stores, one broker, {@link #WORKERS} workers. */
  static FaultStack start() {
    return start(KafkaConnectProcesses.builder().workers(WORKERS), Map.of(), List.of());
  }

  /**
   * Kafka and Connect as {@code kafkaConnect} says (brokers, workers), the stores in {@code
   * embedded} replaced by those servers (clusters), and {@code sets} ({@code
   * <connector>.<key>=<value>}) added to the fault tests' connector settings.
   */
  static FaultStack start(
      KafkaConnectProcesses.Builder kafkaConnect,
      Map<Store, Supplier<? extends StoreServer>> embedded,
      List<String> sets) {
    Path plugins = Path.of(System.getProperty("plugins.dir"));
    DemoStack stack =
        DemoStack.start(
            kafkaConnect
                .restPort(0)
                .jmx()
                .pluginPath(plugins)
                // exactly-once source (KIP-618): a killed source task's open transaction is
                // aborted and its successor resumes from the offsets committed with the records
                .workerProperty("exactly.once.source.support", "enabled")
                // so the sinks skip aborted records, as the ground truth does
                .workerProperty("consumer.isolation.level", "read_committed"),
            embedded,
            System.out);
    try {
      List<String> settings =
          new ArrayList<>(
              List.of(
                  Demo.SOURCE + ".events.per.second=" + RATE,
                  Demo.SOURCE + ".exactly.once.support=required",
                  // the default (30 s) equals the hang: a request may simply outlast it
                  "elasticsearch-sink.elasticsearch.read.timeout.ms=10000"));
      settings.addAll(sets);
      Demo demo = new Demo(new Demo.Options(0, false, 0, plugins, null, settings), System.out);
      Map<String, Map<String, String>> configs = demo.configs(stack);
      Topics.create(
          stack.bootstrapServers(),
          configs.get(Demo.SOURCE).get(Demo.TOPIC_KEY),
          configs.get(Demo.SOURCE));
      List<String> sinks = demo.register(stack.connectUrl(), withIdleSource(configs));
      return new FaultStack(stack, configs, sinks);
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  /** The source registered with max.events=1 until the first fault starts the stream. */
  private static Map<String, Map<String, String>> withIdleSource(
      Map<String, Map<String, String>> configs) {
    Map<String, Map<String, String>> copy = new LinkedHashMap<>(configs);
    Map<String, String> source = new LinkedHashMap<>(configs.get(Demo.SOURCE));
    source.put("max.events", "1");
    copy.put(Demo.SOURCE, source);
    return copy;
  }

  DemoStack stack() {
    return stack;
  }

  KafkaConnectProcesses kafka() {
    return stack.kafka();
  }

  /** The events topic. */
  String topic() {
    return topic;
  }

  List<String> sinks() {
    return sinks;
  }

  /** The five sinks and the source. */
  List<String> sinksAndSource() {
    List<String> all = new ArrayList<>(sinks);
    all.add(Demo.SOURCE);
    return all;
  }

  ConnectRestClient rest() {
    return rest;
  }

  /** Sends REST calls to another worker (after the one in use is killed). */
  void useRestOf(ConnectWorkerServer worker) {
    rest = new ConnectRestClient(worker.endpoint());
  }

  /**
   * Extends the stream by {@code events} at {@link #RATE}/s and waits until {@code startedAfter} of
   * them are in the topic; returns the new total.
   */
  long stream(long events, long startedAfter) throws InterruptedException {
    long before = topicEnd();
    target += events;
    Map<String, String> source = new LinkedHashMap<>(configs.get(Demo.SOURCE));
    source.put("max.events", Long.toString(target));
    rest.put(Demo.SOURCE, source);
    try {
      Poll.until(
          "the stream to pass " + startedAfter + " new events",
          Duration.ofSeconds(90),
          () -> topicEnd() >= before + startedAfter);
    } catch (AssertionError stalled) {
      throw new AssertionError(stalled.getMessage() + "\n" + openTransactions(), stalled);
    }
    return target;
  }

  /** Open transactions on the events topic and Connect's offsets topic, for a stalled stream. */
  private String openTransactions() {
    return "Open transactions:\n"
        + OpenTransactions.report(stack.bootstrapServers(), List.of(topic, "connect-offsets"));
  }

  /** Records in the topic now (end offsets, including transaction markers). */
  long topicEnd() {
    try (Progress progress = new Progress(stack.bootstrapServers(), topic, sinks)) {
      return progress.snapshot().topicEnd();
    }
  }

  /**
   * Waits until the topic holds every event of the stream, every store equals it exactly and every
   * connector and task is RUNNING; returns the final comparison (fails with the table otherwise).
   */
  Comparison awaitExact(Duration timeout) throws InterruptedException {
    return awaitExact(timeout, System.nanoTime()).comparison();
  }

  /**
   * Like {@link #awaitExact(Duration)}, also timing the recovery from {@code sinceNanos} (a fault):
   * when the topic reached the stream's end and when each store last became exact.
   */
  Recovery awaitExact(Duration timeout, long sinceNanos) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Comparison last = null;
    long nextReport = System.nanoTime();
    long streamEnded = -1;
    Map<String, Long> exactSince = new LinkedHashMap<>();
    try (Compare compare = Compare.open(stack.bootstrapServers(), topic, configs, Map.of())) {
      while (System.nanoTime() < deadline) {
        try {
          last = compare.run();
          long now = System.nanoTime();
          boolean complete = last.events() == target;
          if (complete && streamEnded < 0) {
            streamEnded = now;
          }
          for (String store : last.stores()) {
            if (complete && last.mismatchesOf(store).isEmpty()) {
              exactSince.putIfAbsent(store, now);
            } else {
              exactSince.remove(store);
            }
          }
          if (now > nextReport) {
            System.out.printf(
                "waiting for exact stores: topic %d/%d events, %d mismatches %s%s%n",
                last.events(),
                target,
                last.mismatches().size(),
                mismatchesByStore(last),
                last.mismatches().stream().limit(3).map(m -> "; " + m.describe()).toList());
            nextReport = now + 30_000_000_000L;
          }
          if (complete && last.matches()) {
            rest.awaitRunning(sinksAndSource(), Duration.ofSeconds(60));
            Map<String, Double> toExact = new LinkedHashMap<>();
            exactSince.forEach((store, at) -> toExact.put(store, (at - sinceNanos) / 1e9));
            return new Recovery(last, (streamEnded - sinceNanos) / 1e9, toExact);
          }
        } catch (RuntimeException e) {
          System.out.println("compare not possible yet: " + e.getMessage());
        }
        Thread.sleep(2000);
      }
    }
    throw new AssertionError(
        "Stores not equal to the topic ("
            + target
            + " events expected) within "
            + timeout
            + (last == null
                ? ""
                : ": topic has " + last.events() + "\n" + ComparisonTable.render(last, 20))
            + "\n"
            + openTransactions());
  }

  private static Map<String, Long> mismatchesByStore(Comparison comparison) {
    Map<String, Long> counts = new LinkedHashMap<>();
    comparison.mismatches().forEach(m -> counts.merge(m.store(), 1L, Long::sum));
    return counts;
  }

  /**
   * How the stack recovered from a fault: the exact comparison, seconds from the fault until the
   * topic held the whole stream, and per store seconds from the fault until it equalled the topic
   * (first seen by a compare that runs every ~2 s plus its own read time, and stayed so).
   */
  record Recovery(Comparison comparison, double streamEnd, Map<String, Double> secondsToExact) {}

  /** The stores the demo started, for faults. */
  Map<Store, StoreServer> stores() {
    Map<Store, StoreServer> stores = new LinkedHashMap<>();
    for (Store store : Store.values()) {
      stores.put(store, stack.store(store));
    }
    return stores;
  }

  @Override
  public void close() {
    stack.close();
  }
}
