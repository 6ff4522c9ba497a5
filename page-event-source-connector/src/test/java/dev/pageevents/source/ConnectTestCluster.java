package dev.pageevents.source;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffset;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.test.TestUtils;

/**
 * A real Connect runtime (workers and a KRaft broker in this JVM) for the integration tests, with
 * helpers to read a topic back and to wait on source offsets.
 */
public final class ConnectTestCluster implements AutoCloseable {
  public static final String CONNECTOR_CLASS = PageEventSourceConnector.class.getName();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EmbeddedConnectCluster connect;

  private ConnectTestCluster(EmbeddedConnectCluster connect) {
    this.connect = connect;
  }

  /** Starts workers whose converters write the event value as plain JSON and the key as text. */
  public static ConnectTestCluster start(String name, int workers, Map<String, String> extra) {
    Map<String, String> worker = new HashMap<>();
    worker.put("plugin.discovery", "service_load");
    worker.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    worker.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    worker.put("value.converter.schemas.enable", "false");
    worker.put("offset.flush.interval.ms", "500");
    worker.put("scheduled.rebalance.max.delay.ms", "1000");
    worker.putAll(extra);
    Properties broker = new Properties();
    broker.put("transaction.state.log.replication.factor", "1");
    broker.put("transaction.state.log.min.isr", "1");
    broker.put("log.cleaner.dedupe.buffer.size", "2097152");
    // generated events carry a simulated clock (e.g. 2024): with the default 7-day retention the
    // broker deleted them at its next retention check, so a test sometimes read 0 of 3,000 records
    broker.put("log.retention.ms", "-1");
    EmbeddedConnectCluster connect =
        new EmbeddedConnectCluster.Builder()
            .name(name)
            .numWorkers(workers)
            .numBrokers(1)
            .workerProps(worker)
            .brokerProps(broker)
            .build();
    connect.start();
    return new ConnectTestCluster(connect);
  }

  public EmbeddedConnectCluster connect() {
    return connect;
  }

  /** A connector config of this plugin with the given settings on top. */
  public static Map<String, String> config(String topic, int tasks, Map<String, String> settings) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", CONNECTOR_CLASS);
    config.put("tasks.max", Integer.toString(tasks));
    config.put("topic", topic);
    config.putAll(settings);
    return config;
  }

  /** Every record of the topic up to its current end (the last stable offset if committed). */
  public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, boolean readCommitted) {
    Map<String, Object> props = new HashMap<>();
    props.put(
        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        readCommitted ? "read_committed" : "read_uncommitted");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = connect.kafka().createConsumer(props)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.currentTimeMillis() + 60_000;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.currentTimeMillis() > deadline) {
          throw new AssertionError("Could not read " + topic + " to its end " + end);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  /** The JSON value of a record as a map. */
  public static Map<String, Object> value(ConsumerRecord<byte[], byte[]> record) {
    try {
      return JSON.readValue(record.value(), new TypeReference<>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The record values as the text written to the topic. */
  public static List<String> texts(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
  }

  public static List<String> eventIds(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream().map(r -> (String) value(r).get("eventId")).toList();
  }

  /** The connector's committed source offsets, as Connect's REST API reports them. */
  public List<ConnectorOffset> offsets(String connector) {
    return connect.connectorOffsets(connector).offsets();
  }

  /** Sum of one numeric offset field over all source partitions. */
  public long offsetSum(String connector, String field) {
    return offsets(connector).stream()
        .mapToLong(o -> ((Number) o.offset().get(field)).longValue())
        .sum();
  }

  public void awaitOffsetSum(String connector, String field, long expected, long timeoutMs)
      throws InterruptedException {
    TestUtils.waitForCondition(
        () -> offsetSum(connector, field) == expected,
        timeoutMs,
        () ->
            connector
                + " offsets "
                + field
                + " did not reach "
                + expected
                + ": "
                + offsets(connector));
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    connect.stop();
  }
}
