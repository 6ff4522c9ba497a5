package dev.pageevents.core.testing;

import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.event.PageEventJson;
import dev.pageevents.core.view.GroundTruth;
import dev.pageevents.core.view.PageTotals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The one way sink integration tests write to and read from a topic: produces page events (or any
 * text) as JSON strings with a plain {@link KafkaProducer}, and reads the topic back to compute the
 * {@link GroundTruth} every store must match. Shipped in pageevent-core's test jar.
 */
public final class PageEventTopic {
  private final String bootstrapServers;
  private final String topic;

  public PageEventTopic(String bootstrapServers, String topic) {
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
  }

  public String name() {
    return topic;
  }

  /**
   * Deterministic events {@code <topic>-<from>..<topic>-<to-1>}: pages cycle through {@code pages}
   * with a skew (the first page is the most visited), users {@code u0..u36}, event times one minute
   * apart from {@code startMs}, durations 0..4999 ms.
   */
  public List<PageEvent> events(int from, int to, List<String> pages, long startMs) {
    List<PageEvent> events = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      String page = pages.get(i % 3 == 0 ? 0 : i % pages.size());
      events.add(
          new PageEvent(
              topic + "-" + i, page, "u" + (i % 37), startMs + i * 60_000L, (i * 37L) % 5000));
    }
    return events;
  }

  /** Sends the events as JSON strings, keyed by page, and waits until all are acknowledged. */
  public void produceEvents(List<PageEvent> events) {
    produceEventsKeyedBy(events, PageEvent::page);
  }

  /** Sends the events as JSON strings with the given key, and waits until all are acknowledged. */
  public void produceEventsKeyedBy(List<PageEvent> events, Function<PageEvent, String> key) {
    List<String[]> keyed = new ArrayList<>(events.size());
    events.forEach(e -> keyed.add(new String[] {key.apply(e), PageEventJson.toJson(e)}));
    send(keyed);
  }

  /**
   * Sends the events as JSON strings keyed by event id, as a topic whose tombstones delete
   * documents must be keyed (every record of one id in one partition, in order).
   */
  public void produceEventsKeyedById(List<PageEvent> events) {
    produceEventsKeyedBy(events, PageEvent::eventId);
  }

  /** Sends tombstones (null values) keyed by the given ids. */
  public void produceTombstones(List<String> ids) {
    List<String[]> keyed = new ArrayList<>(ids.size());
    ids.forEach(id -> keyed.add(new String[] {id, null}));
    send(keyed);
  }

  /** Sends JSON values keyed by their position, so they spread over the partitions. */
  public void produce(List<String> values) {
    List<String[]> keyed = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      keyed.add(new String[] {Integer.toString(i % 97), values.get(i)});
    }
    send(keyed);
  }

  /** Sends raw values (for example malformed JSON), without keys. */
  public void produceRaw(List<String> values) {
    List<String[]> keyed = new ArrayList<>(values.size());
    values.forEach(v -> keyed.add(new String[] {null, v}));
    send(keyed);
  }

  private void send(List<String[]> keyedValues) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    // One batch in flight: on a just-created topic the first batch can bounce (NOT_LEADER) while
    // later ones land, and the idempotent producer then loops on OUT_OF_ORDER_SEQUENCE_NUMBER.
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      List<Future<?>> sent = new ArrayList<>();
      for (String[] kv : keyedValues) {
        sent.add(producer.send(new ProducerRecord<>(topic, kv[0], kv[1])));
      }
      for (Future<?> future : sent) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not produce to " + topic, e.getCause());
    }
  }

  /** Every record in the topic now, values as bytes, read from the beginning. */
  public List<ConsumerRecord<byte[], byte[]>> readAll() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
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
          throw new IllegalStateException("Could not read " + topic + " to its end in 60 s");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  /**
   * Visits and total duration per page, computed from the topic (bad records skipped, as the sinks
   * send them to their dead letter queue): what every store must show.
   */
  public Map<String, PageTotals> groundTruth() {
    return GroundTruth.of(readAll()).pages();
  }
}
