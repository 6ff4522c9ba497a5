package dev.pageevents.pipeline.demo;

import dev.pageevents.configs.ConnectRestClient;
import dev.pageevents.pipeline.progress.Progress.PartitionLag;
import dev.pageevents.pipeline.progress.Progress.SinkProgress;
import dev.pageevents.stack.ConnectWorkerServer;
import dev.pageevents.stack.Diagnostics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the demo gathers when a sink has stopped ({@link
 * dev.pageevents.pipeline.progress.StallWatch}): its tasks' states, then, with the workers'
 * consumer and sink-task loggers raised to TRACE for a while, the lines of the sink's consumers
 * about the partitions left behind. Those say whether the consumer fetches them and why not (a
 * pending request, a buffered node, a paused partition, a position awaiting validation), or whether
 * the task receives records it does not write.
 */
final class SinkStallReport {
  private static final Duration TRACE_FOR = Duration.ofSeconds(20);
  private static final int LINES_PER_WORKER = 60;
  private static final Map<String, String> TRACE =
      Map.of(
          "org.apache.kafka.clients.consumer.internals", "TRACE",
          "org.apache.kafka.connect.runtime.WorkerSinkTask", "TRACE",
          "dev.pageevents", "DEBUG");

  private SinkStallReport() {}

  /** Prints the evidence and answers the error the demo ends with. */
  static IllegalStateException gather(
      SinkProgress sink, Duration stalledFor, List<ConnectWorkerServer> workers, PrintStream out)
      throws InterruptedException {
    String summary =
        String.format(
            "%s made no progress for %d s with %,d events left to write: %s",
            sink.connector(), stalledFor.toSeconds(), sink.lag(), sink.describeBehind());
    out.println();
    out.println(summary);
    for (ConnectWorkerServer worker : workers) {
      String url = worker.endpoint();
      try {
        out.println(new ConnectRestClient(url).status(sink.connector()).describe());
        Diagnostics.raiseWorkerLogLevels(url, TRACE);
      } catch (RuntimeException e) {
        out.printf("%s: %s%n", url, e); // a worker that does not answer is evidence too
      }
    }
    out.printf("Consumer logs at TRACE for %d s...%n", TRACE_FOR.toSeconds());
    Thread.sleep(TRACE_FOR.toMillis());
    for (ConnectWorkerServer worker : workers) {
      printLines(worker, sink, out);
    }
    return new IllegalStateException(summary + " (its workers' log lines about them are above)");
  }

  /** The last log lines of the sink's tasks and consumers that name a partition left behind. */
  private static void printLines(ConnectWorkerServer worker, SinkProgress sink, PrintStream out) {
    List<String> partitions =
        sink.behind().stream().map(PartitionLag::partition).map(Object::toString).toList();
    String task = "{id=" + sink.connector() + "-";
    String consumer = "connector-consumer-" + sink.connector() + "-";
    List<String> lines;
    try {
      lines =
          Files.readAllLines(worker.log(), StandardCharsets.UTF_8).stream()
              .filter(line -> line.contains(task) || line.contains(consumer))
              .filter(line -> partitions.stream().anyMatch(line::contains))
              .toList();
    } catch (IOException e) {
      out.printf("%s: cannot read %s: %s%n", worker.endpoint(), worker.log(), e);
      return;
    }
    out.printf(
        "%s (%s), last %d of %d lines naming %s:%n",
        worker.endpoint(),
        worker.log(),
        Math.min(LINES_PER_WORKER, lines.size()),
        lines.size(),
        partitions);
    lines.subList(Math.max(0, lines.size() - LINES_PER_WORKER), lines.size()).forEach(out::println);
  }
}
