package dev.pageevents.pipeline.compare;

import dev.pageevents.core.view.GroundTruth;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from its beginning to the end offsets of the moment it starts (without joining a
 * consumer group or committing anything) and aggregates it into the {@link GroundTruth}; or shows
 * its first event.
 */
public final class TopicTruth {
  private TopicTruth() {}

  /** The ground truth of {@code topic} up to its current end. */
  public static GroundTruth read(String bootstrapServers, String topic, Duration timeout) {
    GroundTruth truth = new GroundTruth();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers, 5000)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      if (partitions.isEmpty()) {
        throw new IllegalStateException("Topic '" + topic + "' does not exist");
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "Could not read '" + topic + "' to its end within " + timeout);
        }
        consumer
            .poll(Duration.ofMillis(200))
            .forEach(
                record -> {
                  TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                  if (record.offset() < end.get(partition)) {
                    truth.add(record);
                  }
                });
      }
    }
    return truth;
  }

  /** The value of the first committed record of the topic's partition 0, as text. */
  public static String firstValue(String bootstrapServers, String topic, Duration timeout) {
    TopicPartition partition = new TopicPartition(topic, 0);
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers, 1)) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
        if (!records.isEmpty()) {
          byte[] value = records.iterator().next().value();
          return value == null ? "(tombstone)" : new String(value, StandardCharsets.UTF_8);
        }
      }
    }
    throw new IllegalStateException("No record in " + partition + " within " + timeout);
  }

  /** A consumer outside any group that sees only committed records. */
  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers, int maxPoll) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(maxPoll));
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "pageevents-compare");
    // an exactly-once source leaves aborted transactions in the log: they are not events
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
