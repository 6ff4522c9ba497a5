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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's stack for faults: the demo's own stores, a broker and a 3-worker Connect group (JMX
 * on, exactly-once source support, sinks reading committed records), the connect-configs registered
 * as the demo does. The source streams at a steady rate; each fault extends the stream by raising
 * {@code max.events}, then waits until every store equals the topic again.
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

  static FaultStack start() {
    Path plugins = Path.of(System.getProperty("plugins.dir"));
    DemoStack stack =
        DemoStack.start(
            KafkaConnectProcesses.builder()
                .restPort(0)
                .workers(WORKERS)
                .jmx()
                .pluginPath(plugins)
                // exactly-once source (KIP-618): a killed source task's open transaction is
                // aborted and its successor resumes from the offsets committed with the records
                .workerProperty("exactly.once.source.support", "enabled")
                // so the sinks skip aborted records, as the ground truth does
                .workerProperty("consumer.isolation.level", "read_committed"),
            System.out);
    try {
      Demo demo =
          new Demo(
              new Demo.Options(
                  0,
                  false,
                  0,
                  plugins,
                  null,
                  List.of(
                      Demo.SOURCE + ".events.per.second=" + RATE,
                      Demo.SOURCE + ".exactly.once.support=required",
                      // the default (30 s) equals the hang: a request may simply outlast it
                      "elasticsearch-sink.elasticsearch.read.timeout.ms=10000")),
              System.out);
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
    Poll.until(
        "the stream to pass " + startedAfter + " new events",
        Duration.ofSeconds(90),
        () -> topicEnd() >= before + startedAfter);
    return target;
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
    long deadline = System.nanoTime() + timeout.toNanos();
    Comparison last = null;
    long nextReport = System.nanoTime();
    try (Compare compare = Compare.open(stack.bootstrapServers(), topic, configs, Map.of())) {
      while (System.nanoTime() < deadline) {
        try {
          last = compare.run();
          if (System.nanoTime() > nextReport) {
            System.out.printf(
                "waiting for exact stores: topic %d/%d events, %d mismatches%n",
                last.events(), target, last.mismatches().size());
            nextReport = System.nanoTime() + 30_000_000_000L;
          }
          if (last.events() == target && last.matches()) {
            rest.awaitRunning(sinksAndSource(), Duration.ofSeconds(60));
            return last;
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
                : ": topic has " + last.events() + "\n" + ComparisonTable.render(last, 20)));
  }

  /** The stores the demo started, for faults. */
  Map<Store, dev.pageevents.stack.StoreServer> stores() {
    Map<Store, dev.pageevents.stack.StoreServer> stores = new LinkedHashMap<>();
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
