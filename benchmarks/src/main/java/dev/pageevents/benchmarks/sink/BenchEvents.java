package dev.pageevents.benchmarks.sink;

import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.event.PageEventJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The benchmark's records: deterministic page events (10,000 users, 500 pages, one UTC day) and the
 * topic they are pre-filled into, keyed by user, values in the pack's JSON form.
 */
public final class BenchEvents {
  public static final int USERS = 10_000;
  public static final int PAGES = 500;
  public static final int PARTITIONS = 2;
  private static final long DAY_START = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
  private static final long DAY_MS = 86_400_000L;

  private BenchEvents() {}

  public static String page(int index) {
    return "/catalog/page-" + index;
  }

  /** {@code count} events; the same count always gives the same events. */
  public static List<PageEvent> generate(int count) {
    List<PageEvent> events = new ArrayList<>(count);
    sequence(count).forEach(events::add);
    return events;
  }

  /**
   * The events of {@link #generate}, made one at a time as they are iterated (never all held in
   * memory, for topics of millions of events).
   */
  static Iterable<PageEvent> sequence(long count) {
    return () ->
        new Iterator<>() {
          private final Random random = new Random(42);
          private long next;

          @Override
          public boolean hasNext() {
            return next < count;
          }

          @Override
          public PageEvent next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            long i = next++;
            return new PageEvent(
                String.format("evt-%010d", i),
                page(random.nextInt(PAGES)),
                String.format("user-%05d", random.nextInt(USERS)),
                DAY_START + i * 37 % DAY_MS,
                100 + random.nextInt(60_000));
          }
        };
  }

  /** Creates {@code topic} and writes every event into it, waiting until all are acknowledged. */
  static void fill(String bootstrapServers, String topic, List<PageEvent> events) throws Exception {
    fill(bootstrapServers, topic, events, "none");
  }

  /**
   * Creates {@code topic} and writes the events into it as they are iterated, in batches of 64 KiB
   * compressed with {@code compression} ("none", "lz4", ...), waiting until all are acknowledged.
   * Sends start once the broker answers a list-offsets request for every partition: a first batch
   * sent earlier failed with NOT_LEADER_OR_FOLLOWER, and the idempotent producer then retried the
   * batches behind it with OUT_OF_ORDER_SEQUENCE_NUMBER until they expired. A send that fails fails
   * the fill.
   */
  static void fill(
      String bootstrapServers, String topic, Iterable<PageEvent> events, String compression)
      throws Exception {
    try (BenchAdmin admin = new BenchAdmin(bootstrapServers)) {
      admin.admin().createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
      awaitPartitions(admin, topic);
    }
    Map<String, Object> props =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            5,
            ProducerConfig.BATCH_SIZE_CONFIG,
            65536,
            ProducerConfig.COMPRESSION_TYPE_CONFIG,
            compression);
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (PageEvent event : events) {
        producer.send(
            new ProducerRecord<>(
                topic,
                event.user().getBytes(StandardCharsets.UTF_8),
                PageEventJson.toJson(event).getBytes(StandardCharsets.UTF_8)),
            (metadata, error) -> {
              if (error != null) {
                failure.compareAndSet(null, error);
              }
            });
        if (failure.get() != null) {
          break;
        }
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("Filling " + topic + " failed", failure.get());
    }
  }

  /** Waits (at most a minute) until the broker answers for every partition of a new topic. */
  private static void awaitPartitions(BenchAdmin admin, String topic) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (true) {
      try {
        admin.endOffsets(BenchAdmin.partitions(topic));
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }
}
