package dev.pageevents.benchmarks;

import dev.pageevents.source.PageEventSourceConnector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * Prints the source connector's maximum events/s into one local broker next to Kafka's own
 * ProducerPerformance with the same record size and producer settings on the same broker, and the
 * JVM's RSS (broker and worker share this JVM) sampled during the connector run.
 *
 * <p>Usage: {@code SourceConnectorBenchmark [seconds=120] [tasks=2]}.
 */
public final class SourceConnectorBenchmark {
  private static final String CONNECTOR_TOPIC = "bench-connector";
  private static final String PRODUCER_TOPIC = "bench-producer-performance";
  private static final long SAMPLE_MS = 10_000;
  private static final Pattern RATE = Pattern.compile("([\\d.]+) records/sec");

  private SourceConnectorBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 120;
    int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Map<String, String> worker = new HashMap<>();
    worker.put("plugin.discovery", "service_load");
    worker.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    worker.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    worker.put("value.converter.schemas.enable", "false");
    worker.put("producer.linger.ms", "5");
    worker.put("producer.batch.size", "65536");
    // Connect's own default is 1 in flight; ProducerPerformance uses the client default of 5.
    worker.put("producer.max.in.flight.requests.per.connection", "5");
    EmbeddedConnectCluster connect =
        new EmbeddedConnectCluster.Builder()
            .name("source-benchmark")
            .numWorkers(1)
            .numBrokers(1)
            .workerProps(worker)
            .brokerProps(new Properties())
            .build();
    connect.start();
    try {
      connect.kafka().createTopic(CONNECTOR_TOPIC, 1);
      connect.kafka().createTopic(PRODUCER_TOPIC, 1);
      double connectorRate = runConnector(connect, seconds, tasks);
      int recordSize = averageValueSize(connect);
      double producerRate = runProducerPerformance(connect, recordSize, connectorRate, seconds);
      System.out.printf(
          "%nRESULT record size %d B: connector %.0f events/s (%d task(s)), ProducerPerformance"
              + " %.0f records/s, ratio %.2f%n",
          recordSize, connectorRate, tasks, producerRate, connectorRate / producerRate);
    } finally {
      connect.stop();
    }
  }

  /** Runs the generator unthrottled; returns events/s after the first sample (warm-up). */
  private static double runConnector(EmbeddedConnectCluster connect, int seconds, int tasks)
      throws Exception {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", PageEventSourceConnector.class.getName());
    config.put("tasks.max", Integer.toString(tasks));
    config.put("topic", CONNECTOR_TOPIC);
    config.put("events.per.second", "0");
    connect.configureConnector("benchmark", config);
    TopicPartition partition = new TopicPartition(CONNECTOR_TOPIC, 0);
    long start = System.nanoTime();
    long warmOffset = -1;
    long warmNanos = 0;
    List<String> samples = new ArrayList<>();
    while (System.nanoTime() - start < seconds * 1_000_000_000L) {
      Thread.sleep(SAMPLE_MS);
      long offset = connect.kafka().endOffset(partition);
      long now = System.nanoTime();
      if (warmOffset < 0) {
        warmOffset = offset;
        warmNanos = now;
      }
      samples.add(
          String.format(
              "t=%3ds events=%,d rss=%d MB heap=%d MB",
              (now - start) / 1_000_000_000L, offset, rssMb(), heapMb()));
      System.out.println("connector " + samples.get(samples.size() - 1));
    }
    long endOffset = connect.kafka().endOffset(partition);
    double rate = (endOffset - warmOffset) / ((System.nanoTime() - warmNanos) / 1e9);
    connect.deleteConnector("benchmark");
    return rate;
  }

  private static int averageValueSize(EmbeddedConnectCluster connect) {
    try (KafkaConsumer<byte[], byte[]> consumer = connect.kafka().createConsumer(Map.of())) {
      TopicPartition partition = new TopicPartition(CONNECTOR_TOPIC, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long bytes = 0;
      int count = 0;
      while (count < 10_000) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
          bytes += record.value().length;
          count++;
        }
      }
      return (int) Math.round((double) bytes / count);
    }
  }

  /** Kafka's own producer benchmark with the same record size and producer settings. */
  private static double runProducerPerformance(
      EmbeddedConnectCluster connect, int recordSize, double connectorRate, int seconds)
      throws Exception {
    long records = Math.max(1_000_000L, (long) (connectorRate * Math.min(seconds, 30)));
    String[] args = {
      "--topic",
      PRODUCER_TOPIC,
      "--num-records",
      Long.toString(records),
      "--record-size",
      Integer.toString(recordSize),
      "--throughput",
      "-1",
      "--producer-props",
      "bootstrap.servers=" + connect.kafka().bootstrapServers(),
      "acks=all",
      "linger.ms=5",
      "batch.size=65536"
    };
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      ProducerPerformance.main(args);
    } finally {
      System.setOut(stdout);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    System.out.print(output);
    String summary = "";
    for (String line : output.split("\n")) {
      if (line.contains("records sent")) {
        summary = line;
      }
    }
    Matcher rate = RATE.matcher(summary);
    if (!rate.find()) {
      throw new IllegalStateException("No rate in ProducerPerformance output: " + output);
    }
    return Double.parseDouble(rate.group(1));
  }

  private static long rssMb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }

  private static long heapMb() {
    Runtime runtime = Runtime.getRuntime();
    return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
  }
}
