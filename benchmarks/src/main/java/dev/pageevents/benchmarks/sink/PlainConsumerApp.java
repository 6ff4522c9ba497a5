package dev.pageevents.benchmarks.sink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pageevents.core.event.PageEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The app a user would write instead of Connect (issue #15 item 3): one thread, a plain {@code
 * KafkaConsumer} on the sink's topic with the consumer settings of the sink's sample config ({@code
 * consumer.override.*}, so the same {@code max.poll.records}), each polled batch parsed with
 * Jackson's streaming parser and written by the store's native client the fastest known way ({@link
 * SinkTarget#writeNative}), then its offsets committed synchronously: at least once, nothing
 * committed before the store acknowledged it.
 *
 * <p>It runs in the benchmark JVM, on the target's already connected native client, so its CPU is
 * counted like the native row's (the benchmark JVM; for MongoDB that JVM also hosts the stand-in
 * server); a forked JVM would need every target to connect to a server it did not start.
 */
final class PlainConsumerApp {
  /** Seconds from start to the last commit; the steady rate from the first commit on. */
  record Result(double seconds, double steadyRate) {}

  private static final JsonFactory JSON = new JsonFactory();
  private static final String OVERRIDE = "consumer.override.";

  private final String bootstrapServers;
  private int runs;

  PlainConsumerApp(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Reads {@code expected} records of {@code topic} from the start with a new group and writes them
   * into {@code target}, the consumer configured with the {@code consumer.override.*} settings of
   * {@code sinkConfig}.
   */
  Result run(SinkTarget target, Map<String, String> sinkConfig, String topic, long expected)
      throws Exception {
    Map<String, Object> props = new HashMap<>();
    sinkConfig.forEach(
        (key, value) -> {
          if (key.startsWith(OVERRIDE)) {
            props.put(key.substring(OVERRIDE.length()), value);
          }
        });
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "plain-app-" + target.name() + "-" + (++runs));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    long start = System.nanoTime();
    long firstAt = 0;
    long firstCount = 0;
    long done = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      while (done < expected) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofSeconds(1));
        if (records.isEmpty()) {
          continue;
        }
        List<PageEvent> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> record : records) {
          batch.add(parse(record.value()));
        }
        target.writeNative(batch);
        consumer.commitSync();
        done += batch.size();
        if (firstAt == 0) {
          firstAt = System.nanoTime();
          firstCount = done;
        }
      }
    }
    long end = System.nanoTime();
    double steadySeconds = (end - firstAt) / 1e9;
    return new Result(
        (end - start) / 1e9, steadySeconds > 0 ? (done - firstCount) / steadySeconds : 0);
  }

  /** A page event from its JSON form (timestamp as an ISO-8601 instant). */
  static PageEvent parse(byte[] json) throws IOException {
    String eventId = null;
    String page = null;
    String user = null;
    long timestampMs = 0;
    long durationMs = 0;
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("Not a JSON object: " + new String(json));
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case PageEvent.EVENT_ID -> eventId = parser.getText();
          case PageEvent.PAGE -> page = parser.getText();
          case PageEvent.USER -> user = parser.getText();
          case PageEvent.TIMESTAMP -> timestampMs = Instant.parse(parser.getText()).toEpochMilli();
          case PageEvent.DURATION_MS -> durationMs = parser.getLongValue();
          default -> parser.skipChildren();
        }
      }
    }
    return new PageEvent(eventId, page, user, timestampMs, durationMs);
  }
}
