package dev.pageevents.reliability;

import static dev.pageevents.core.testing.Await.awaitValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.event.PageEventJson;
import dev.pageevents.core.testing.Await;
import dev.pageevents.core.testing.DeadLetters;
import dev.pageevents.core.testing.TestEvents;
import dev.pageevents.core.view.GroundTruth;
import dev.pageevents.core.view.PageTotals;
import dev.pageevents.reliability.PoisonCorpus.Case;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every sink, run from its plugin archive in a real worker, against the poison corpus interleaved
 * with valid events: with {@code errors.tolerance=all} each bad record is in the dead letter queue
 * with a message that says why, the store equals the ground truth of the valid records, and the
 * task keeps running; with {@code errors.tolerance=none} the task fails naming the record and the
 * field, and nothing after the bad record is written.
 */
class PoisonIT {
  private static final Logger log = LoggerFactory.getLogger(PoisonIT.class);
  private static final String MESSAGE = "__connect.errors.exception.message";
  private static final String OFFSET = "__connect.errors.offset";
  private static final int VALID_EVENTS = 300;

  private static List<Case> corpus;

  @BeforeAll
  static void loadCorpus() throws Exception {
    corpus = PoisonCorpus.load();
    assertThat(corpus.stream().filter(Case::toDlq)).hasSizeGreaterThanOrEqualTo(30);
  }

  @ParameterizedTest
  @EnumSource(Sink.class)
  void shouldSendEachPoisonRecordToTheDeadLetterQueueWithItsReasonAndWriteEveryValidOne(Sink sink)
      throws Exception {
    String name = "poison-all-" + sink.name().toLowerCase(Locale.ROOT);
    String ns = name.replace('-', '_');
    RawTopic topic = new RawTopic(name);
    List<byte[][]> values = new ArrayList<>();
    List<String> valid = TestEvents.json(sink.ordinal(), VALID_EVENTS, 20, 30);
    int every = VALID_EVENTS / corpus.size();
    for (int i = 0; i < VALID_EVENTS; i++) {
      values.add(new byte[][] {null, valid.get(i).getBytes(StandardCharsets.UTF_8)});
      if (i % every == 0 && i / every < corpus.size()) {
        Case c = corpus.get(i / every);
        values.add(new byte[][] {c.key(), c.value()});
      }
    }
    assertThat(values).hasSize(VALID_EVENTS + corpus.size());
    List<ConsumerRecord<byte[], byte[]>> sent = topic.produce(values);

    Map<Long, Case> poisonAt = new TreeMap<>();
    List<ConsumerRecord<byte[], byte[]>> good = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : sent) {
      Case c = caseOf(record);
      if (c != null && c.toDlq()) {
        poisonAt.put(record.offset(), c);
      } else {
        good.add(record);
      }
    }
    GroundTruth truth = GroundTruth.of(good);
    assertThat(truth.poison()).as("cases marked 'stored' are valid page events").isZero();

    sink.reset(ns);
    Map<String, String> config = sink.connectorConfig(topic.name(), ns);
    config.put("errors.tolerance", "all");
    config.put("errors.deadletterqueue.topic.name", name + "-dlq");
    config.put("errors.deadletterqueue.topic.replication.factor", "1");
    config.put("errors.deadletterqueue.context.headers.enable", "true");
    Worker.connect().configureConnector(name, config);

    awaitValue("the store to equal the ground truth", () -> sink.stored(ns), truth.pages()::equals);

    Map<Long, String> reasons = new TreeMap<>();
    for (ConsumerRecord<byte[], byte[]> dead :
        Worker.connect()
            .kafka()
            .consume(poisonAt.size(), Await.TIMEOUT.toMillis(), name + "-dlq")) {
      reasons.put(
          Long.parseLong(DeadLetters.header(dead, OFFSET)), DeadLetters.header(dead, MESSAGE));
    }
    assertThat(reasons.keySet()).isEqualTo(poisonAt.keySet());
    poisonAt.forEach(
        (offset, c) ->
            assertThat(reasons.get(offset))
                .as("DLQ reason for case %s (%s)", c.name(), c.why())
                .contains("offset " + offset)
                .contains(c.phrases()));
    assertRunning(name);
    log.info(
        "{}: {} poison records in the DLQ with their reasons, {} valid events stored exactly",
        sink,
        poisonAt.size(),
        truth.events());
    Worker.connect().deleteConnector(name);
  }

  @ParameterizedTest
  @EnumSource(Sink.class)
  void shouldFailTheTaskNamingTheRecordAndFieldAndWriteNothingAfterIt(Sink sink) throws Exception {
    String name = "poison-none-" + sink.name().toLowerCase(Locale.ROOT);
    String ns = name.replace('-', '_');
    RawTopic topic = new RawTopic(name);
    List<byte[][]> values = new ArrayList<>();
    long start = System.currentTimeMillis() - 600_000;
    for (int i = 0; i < 100; i++) {
      String page = (i < 50 ? "/before-" : "/after-") + i;
      values.add(
          new byte[][] {
            null,
            PageEventJson.toJson(new PageEvent("n-" + i, page, "u" + i % 5, start + i, 10))
                .getBytes(StandardCharsets.UTF_8)
          });
    }
    String bad = "{\"page\":\"/bad\",\"timestamp\":" + start + ",\"durationMs\":5}";
    values.add(50, new byte[][] {null, bad.getBytes(StandardCharsets.UTF_8)});
    List<ConsumerRecord<byte[], byte[]>> sent = topic.produce(values);
    long badOffset = sent.get(50).offset();
    Map<String, PageTotals> before = GroundTruth.of(sent.subList(0, 50)).pages();

    sink.reset(ns);
    Map<String, String> config = sink.connectorConfig(topic.name(), ns);
    config.put("errors.tolerance", "none");
    config.put("batch.size", "500");
    Worker.connect().configureConnector(name, config);

    String trace = awaitFailure(name);
    assertThat(trace)
        .contains("topic " + topic.name() + " partition 0 offset " + badOffset)
        .contains("field 'user' is missing");

    Map<String, PageTotals> stored = sink.stored(ns);
    assertThat(stored.keySet())
        .noneMatch(page -> page.startsWith("/after-") || page.equals("/bad"));
    assertThat(before)
        .as("only whole events from before the bad record")
        .containsAllEntriesOf(stored);
    log.info(
        "{}: task FAILED at offset {}; {} of 50 earlier events stored whole, none after",
        sink,
        badOffset,
        stored.size());
    Worker.connect().deleteConnector(name);
  }

  /**
   * A page too long to be a Cassandra partition key passes the converter (its limit raised) but not
   * the store: the event must be written to neither table (not one of its two rows), go to the DLQ
   * under {@code all}, and fail the task under {@code none}.
   */
  @ParameterizedTest
  @ValueSource(strings = {"all", "none"})
  void shouldWriteNeitherRowOfAnEventCassandraCannotKey(String tolerance) throws Exception {
    String name = "cassandra-key-" + tolerance;
    String ns = name.replace('-', '_');
    RawTopic topic = new RawTopic(name);
    long start = System.currentTimeMillis() - 600_000;
    List<byte[][]> values = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      String page = i == 10 ? "/" + "k".repeat(70_000) : "/key-" + i;
      values.add(
          new byte[][] {
            null,
            PageEventJson.toJson(new PageEvent("k-" + i, page, "u" + i, start + i, 10))
                .getBytes(StandardCharsets.UTF_8)
          });
    }
    List<ConsumerRecord<byte[], byte[]>> sent = topic.produce(values);
    long badOffset = sent.get(10).offset();
    Map<String, String> config = Sink.CASSANDRA.connectorConfig(topic.name(), ns);
    config.put("pageevent.max.string.length", "100000");
    config.put("errors.tolerance", tolerance);
    config.put("errors.deadletterqueue.topic.name", name + "-dlq");
    config.put("errors.deadletterqueue.topic.replication.factor", "1");
    config.put("errors.deadletterqueue.context.headers.enable", "true");
    Worker.connect().configureConnector(name, config);

    if (tolerance.equals("all")) {
      List<ConsumerRecord<byte[], byte[]>> good = new ArrayList<>(sent);
      good.remove(10);
      Map<String, PageTotals> truth = GroundTruth.of(good).pages();
      awaitValue(
          "both tables to hold the 20 good events", () -> Sink.CASSANDRA.stored(ns), truth::equals);
      ConsumerRecord<byte[], byte[]> dead =
          Worker.connect()
              .kafka()
              .consume(1, Await.TIMEOUT.toMillis(), name + "-dlq")
              .iterator()
              .next();
      assertThat(DeadLetters.header(dead, OFFSET)).isEqualTo(Long.toString(badOffset));
      assertThat(DeadLetters.header(dead, MESSAGE)).contains("field 'page' is 70001 bytes");
      assertRunning(name);
    } else {
      String trace = awaitFailure(name);
      assertThat(trace)
          .contains("topic " + topic.name() + " partition 0 offset " + badOffset)
          .contains("field 'page' is 70001 bytes");
      assertThat(Sink.CASSANDRA.stored(ns).keySet())
          .as("no row of the bad event in either table")
          .noneMatch(page -> page.startsWith("/kkk") || page.startsWith("!"));
    }
    Worker.connect().deleteConnector(name);
  }

  private static String awaitFailure(String name) throws InterruptedException {
    String trace =
        awaitValue(
            "the task to fail",
            () -> {
              ConnectorStateInfo status = Worker.connect().connectorStatus(name);
              return status.tasks().isEmpty() ? null : status.tasks().get(0).trace();
            },
            t -> t != null && !t.isEmpty());
    assertThat(Worker.connect().connectorStatus(name).tasks().get(0).state()).isEqualTo("FAILED");
    return trace;
  }

  private static Case caseOf(ConsumerRecord<byte[], byte[]> record) {
    byte[] key = record.key();
    for (Case c : corpus) {
      if (java.util.Arrays.equals(c.value(), record.value())
          && java.util.Arrays.equals(c.key(), key)) {
        return c;
      }
    }
    return null;
  }

  private static void assertRunning(String name) throws InterruptedException {
    awaitValue(
        name + " and its task RUNNING",
        () -> {
          ConnectorStateInfo status = Worker.connect().connectorStatus(name);
          status.tasks().stream()
              .filter(t -> t.state().equals("FAILED"))
              .findFirst()
              .ifPresent(t -> fail("task FAILED: " + t.trace()));
          return status;
        },
        s ->
            s.connector().state().equals("RUNNING")
                && !s.tasks().isEmpty()
                && s.tasks().stream().allMatch(t -> t.state().equals("RUNNING")));
  }
}
