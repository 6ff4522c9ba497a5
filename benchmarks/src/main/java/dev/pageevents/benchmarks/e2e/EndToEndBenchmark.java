package dev.pageevents.benchmarks.e2e;

import dev.pageevents.benchmarks.sink.SinkTarget;
import dev.pageevents.benchmarks.sink.SinkTargets;
import dev.pageevents.stack.KafkaConnectProcesses;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The source and all five sinks together in one Connect worker (its own JVM, next to its own
 * broker), each sink on its store's embedded server: the highest event rate at which every sink's
 * lag stays bounded, held for two minutes, which sink limits it, and that sink's rate alone. Prints
 * the result and writes it into docs/benchmarks.md. Settings: see {@link E2eSettings} and the
 * benchmarks README.
 */
public final class EndToEndBenchmark {
  private EndToEndBenchmark() {}

  public static void main(String[] args) throws Exception {
    E2eSettings settings = E2eSettings.fromSystemProperties();
    long started = System.nanoTime();
    System.out.println("End to end: " + settings);
    Map<String, SinkTarget> targets = new LinkedHashMap<>();
    settings.sinks().forEach(sink -> targets.put(sink, SinkTargets.create(sink)));
    KafkaConnectProcesses kafka = SinkTargets.kafka(settings.plugins(), settings.workerHeap());
    E2eResult result;
    CompletableFuture<Void> stores = CompletableFuture.runAsync(() -> startAll(targets));
    try {
      kafka.start();
      stores.join();
      System.out.printf(
          "Servers up after %.0f s: broker, worker, %s%n",
          (System.nanoTime() - started) / 1e9, targets.keySet());
      try (E2eRun run = new E2eRun(settings, targets, kafka)) {
        result = run.execute();
      }
    } finally {
      kafka.close();
      stores.exceptionally(e -> null).join();
      for (SinkTarget target : targets.values()) {
        closeQuietly(target);
      }
    }
    String text = E2eReport.text(result, settings.sinks());
    System.out.println(text);
    E2eReport.write(settings.docs(), text, (System.nanoTime() - started) / 1e9);
  }

  /** Starts the stores one after the other (they start next to the broker and the worker). */
  private static void startAll(Map<String, SinkTarget> targets) {
    for (Map.Entry<String, SinkTarget> target : targets.entrySet()) {
      try {
        target.getValue().start();
        System.out.println("Started " + target.getKey() + ": " + target.getValue().server());
      } catch (Exception e) {
        throw new IllegalStateException("Could not start " + target.getKey(), e);
      }
    }
  }

  private static void closeQuietly(SinkTarget target) {
    try {
      target.close();
    } catch (Exception e) {
      System.err.println("Closing " + target.name() + ": " + e);
    }
  }
}
