package dev.pageevents.pipeline.demo;

import dev.pageevents.configs.ConnectRestClient;
import dev.pageevents.pipeline.progress.Progress.SinkProgress;
import dev.pageevents.stack.ConnectWorkerServer;
import dev.pageevents.stack.Diagnostics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * What the demo gathers when a sink has stopped ({@link
 * dev.pageevents.pipeline.progress.StallWatch}): its tasks' states, then, with the workers'
 * consumer and sink-task loggers raised to TRACE for a while, the lines of the sink's consumers
 * about the partitions left behind. Those say whether the consumer fetches them and why not (a
 * pending request, a buffered node, a paused partition, a position awaiting validation), or whether
 * the task receives records it does not write.
 */
public final class SinkStallReport {
  private static final Duration TRACE_FOR = Duration.ofSeconds(20);
  private static final int LINES_PER_WORKER = 60;
  private static final Map<String, String> TRACE =
      Map.of(
          "org.apache.kafka.clients.consumer.internals", "TRACE",
          "org.apache.kafka.connect.runtime.WorkerSinkTask", "TRACE",
          "org.apache.kafka.clients.Metadata", "DEBUG",
          "dev.pageevents", "DEBUG");

  private SinkStallReport() {}

  /** Prints the evidence and answers the error the demo ends with. */
  public static IllegalStateException gather(
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
    Excerpt excerpt;
    // an InputStreamReader replaces bytes that are not UTF-8 instead of failing on them
    try (BufferedReader log =
        new BufferedReader(
            new InputStreamReader(Files.newInputStream(worker.log()), StandardCharsets.UTF_8))) {
      excerpt = excerpt(log, sink, LINES_PER_WORKER);
    } catch (IOException e) {
      out.printf("%s: cannot read %s: %s%n", worker.endpoint(), worker.log(), e);
      return;
    }
    out.printf(
        "%s (%s), last %d of %d lines naming %s:%n",
        worker.endpoint(),
        worker.log(),
        excerpt.last().size(),
        excerpt.matching(),
        sink.describeBehind());
    excerpt.last().forEach(out::println);
  }

  /** How many lines of a log are about the sink's partitions left behind, and the last of them. */
  record Excerpt(long matching, List<String> last) {}

  static Excerpt excerpt(BufferedReader log, SinkProgress sink, int keep) throws IOException {
    List<String> names =
        sink.behind().stream().flatMap(lag -> namesOf(lag.partition()).stream()).toList();
    String task = "{id=" + sink.connector() + "-";
    String consumer = "connector-consumer-" + sink.connector() + "-";
    Deque<String> last = new ArrayDeque<>(keep);
    long matching = 0;
    for (String line = log.readLine(); line != null; line = log.readLine()) {
      if ((line.contains(task) || line.contains(consumer))
          && names.stream().anyMatch(line::contains)) {
        matching++;
        if (last.size() == keep) {
          last.removeFirst();
        }
        last.addLast(line);
      }
    }
    return new Excerpt(matching, List.copyOf(last));
  }

  /**
   * How the workers' logs name a partition: the consumer as {@code page-events-2}, {@code
   * WorkerSinkTask} as {@code topic 'page-events' partition 2 at offset ...}.
   */
  private static List<String> namesOf(TopicPartition partition) {
    return List.of(
        partition.toString(),
        String.format("'%s' partition %d ", partition.topic(), partition.partition()));
  }
}
