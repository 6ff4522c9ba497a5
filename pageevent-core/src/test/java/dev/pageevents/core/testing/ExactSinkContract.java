package dev.pageevents.core.testing;

import static dev.pageevents.core.testing.Await.awaitValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.pageevents.core.config.PageEventSinkConfig;
import dev.pageevents.core.view.GroundTruth;
import dev.pageevents.core.view.PageTotals;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Connect scenarios every sink that keeps aggregates must pass: whatever happens to workers,
 * tasks, consumer offsets or the store, what the store holds equals the ground truth computed from
 * the topic. A sink's integration test extends this and says how to configure its connector, read
 * its store and restart it.
 */
public abstract class ExactSinkContract {
  private static final Logger log = LoggerFactory.getLogger(ExactSinkContract.class);
  private static final int PARTITIONS = 3;
  private static final Duration COMMIT_WAIT = Duration.ofSeconds(30);

  private String name;
  private String topic;
  private String dlq;
  private final List<String> produced = new ArrayList<>();

  /** The running Connect cluster (two workers or more). */
  protected abstract EmbeddedConnectCluster connect();

  /** The sink's own settings (connection and layout); the contract adds topics, converters, DLQ. */
  protected abstract Map<String, String> storeConfig();

  /** Empties the store (or moves to a fresh key space) before each scenario. */
  protected abstract void resetStore();

  /** Per page visits and total duration as the store's view reads them. */
  protected abstract Map<String, PageTotals> storedPages();

  /** Per (user, page) visit counts as the store reads them, or null if the store keeps none. */
  protected abstract Map<List<String>, Long> storedVisits();

  /** Stops the store gracefully, keeping its data. */
  protected abstract void stopStore();

  /** Starts the store again on the same address and data. */
  protected abstract void startStore();

  @BeforeEach
  void newScenario(TestInfo test) {
    String method = test.getTestMethod().orElseThrow().getName();
    name = getClass().getSimpleName() + "-" + method;
    topic = "events-" + name;
    dlq = "dlq-" + name;
    produced.clear();
    connect().kafka().createTopic(topic, PARTITIONS);
    resetStore();
  }

  @Test
  void shouldMatchTheGroundTruthAndSendOnlyPoisonToTheDeadLetterQueue() throws Exception {
    List<String> values = new ArrayList<>(TestEvents.json(1, 3_000, 40, 60));
    for (int i = 0; i < TestEvents.POISON.size(); i++) {
      values.add(500 * (i + 1), TestEvents.POISON.get(i));
    }
    produce(values);
    startConnector();

    GroundTruth truth = awaitExact();

    assertThat(truth.poison()).isEqualTo(TestEvents.POISON.size());
    ConsumerRecords<byte[], byte[]> dead =
        connect().kafka().consume(truth.poison(), Await.TIMEOUT.toMillis(), dlq);
    for (ConsumerRecord<byte[], byte[]> record : dead) {
      assertThat(TestEvents.POISON).contains(DeadLetters.value(record));
      assertThat(record.headers().lastHeader("__connect.errors.exception.class.name")).isNotNull();
      assertThat(record.headers().lastHeader("__connect.errors.topic").value())
          .isEqualTo(topic.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(storedPages().keySet()).containsAll(TestEvents.HOSTILE_NAMES);
    assertTasksRunning();
  }

  @Test
  void shouldStayExactWhenAWorkerDiesAndTasksRestartMidStream() throws Exception {
    produce(TestEvents.json(2, 4_000, 30, 40));
    startConnector();
    awaitSomeWritten();

    WorkerHandle victim = connect().workers().iterator().next();
    log.info("Removing worker {} mid-stream", victim);
    connect().removeWorker(victim);
    produce(TestEvents.json(3, 3_000, 30, 40));
    connect().addWorker();
    connect().assertions().assertExactlyNumWorkersAreUp(2, "the replacement worker did not start");
    connect().restartConnectorAndTasks(name, false, true, false);
    produce(TestEvents.json(4, 3_000, 30, 40));

    assertTasksRunning();
    awaitExact();
  }

  @Test
  void shouldCommitTheStoresOffsetsToConnectAfterAResetWithoutNewRecordsAndStayExact()
      throws Exception {
    produce(TestEvents.json(5, 3_000, 30, 40));
    startConnector(Map.of(PageEventSinkConfig.OFFSETS_RESET_CONFIG, "replay"));
    awaitExact();
    awaitCommittedToTheEnd();

    connect().stopConnector(name);
    connect().assertions().assertConnectorIsStopped(name, "connector did not stop");
    connect().resetConnectorOffsets(name);
    assertThat(CommittedOffsets.ofConnector(connect(), name)).isEmpty();
    connect().resumeConnector(name);

    // No record is produced here: the tasks resume from the store's offsets, and Connect must
    // commit those, or lag monitoring and "wait until caught up" would wait forever.
    awaitCommittedToTheEnd();
    produce(TestEvents.json(6, 1_000, 30, 40));
    awaitExact();
    assertTasksRunning();
  }

  @Test
  void shouldRefuseAnOffsetResetByDefaultAndSayHowToRebuild() throws Exception {
    produce(TestEvents.json(10, 1_000, 30, 40));
    startConnector();
    awaitExact();
    awaitCommittedToTheEnd();

    connect().stopConnector(name);
    connect().assertions().assertConnectorIsStopped(name, "connector did not stop");
    assertThatThrownBy(() -> connect().resetConnectorOffsets(name))
        .hasMessageContaining("offsets.reset=refuse")
        .hasMessageContaining("offsets.reset=rebuild");
    assertThat(CommittedOffsets.ofConnector(connect(), name)).isEqualTo(endOffsets());
    connect().resumeConnector(name);

    produce(TestEvents.json(11, 500, 30, 40));
    awaitExact();
    assertTasksRunning();
  }

  @Test
  void shouldRebuildTheStoreFromTheTopicOnAResetWithRebuild() throws Exception {
    produce(TestEvents.json(12, 2_000, 30, 40));
    startConnector(Map.of(PageEventSinkConfig.OFFSETS_RESET_CONFIG, "rebuild"));
    awaitExact();

    connect().stopConnector(name);
    connect().assertions().assertConnectorIsStopped(name, "connector did not stop");
    connect().resetConnectorOffsets(name);
    assertThat(storedPages()).as("the store is cleared before the replay").isEmpty();
    connect().resumeConnector(name);

    awaitExact();
    awaitCommittedToTheEnd();
    assertTasksRunning();
  }

  @Test
  void shouldStayExactWhenTheStoreRestartsMidStream() throws Exception {
    produce(TestEvents.json(7, 3_000, 30, 40));
    startConnector();
    awaitSomeWritten();

    stopStore();
    produce(TestEvents.json(8, 3_000, 30, 40));
    restartStore();
    produce(TestEvents.json(9, 1_000, 30, 40));

    awaitExact();
    assertTasksRunning();
  }

  /**
   * Starts the store again. A server's port can stay unbindable for up to a minute while the
   * connections it closed linger in TIME_WAIT, so a refused start is retried until the timeout.
   */
  private void restartStore() throws InterruptedException {
    awaitValue(
        "the store to start again",
        () -> {
          startStore();
          return true;
        },
        started -> started);
  }

  private void produce(List<String> values) {
    new PageEventTopic(connect().kafka().bootstrapServers(), topic).produce(values);
    produced.addAll(values);
  }

  private void startConnector() throws InterruptedException {
    startConnector(Map.of());
  }

  private void startConnector(Map<String, String> settings) throws InterruptedException {
    Map<String, String> config = SinkItConfig.stringsWithDeadLetterQueue(topic, dlq);
    config.putAll(storeConfig());
    config.putAll(settings);
    config.put("batch.size", "200");
    config.put("consumer.override.max.poll.records", "200");
    config.put("retry.backoff.ms", "200");
    config.put("retry.backoff.max.ms", "2000");
    // After a worker left, a request may be forwarded to the old leader until the group settles.
    awaitValue(
        "the connector to be configured",
        () -> {
          connect().configureConnector(name, config);
          return true;
        },
        configured -> configured);
  }

  /**
   * Waits until both {@code GET /connectors/<n>/offsets} and the consumer group (read with Admin)
   * show every partition committed to the topic's end, within {@link #COMMIT_WAIT}: a few offset
   * commit intervals (1 s) plus a task start.
   */
  private void awaitCommittedToTheEnd() throws Exception {
    Map<TopicPartition, Long> ends = endOffsets();
    long started = System.nanoTime();
    try (Admin admin = connect().kafka().createAdminClient()) {
      awaitValue(
          "Connect's committed offsets of " + name + " to equal the end offsets " + ends,
          COMMIT_WAIT,
          () -> CommittedOffsets.ofConnector(connect(), name),
          ends::equals);
      assertThat(CommittedOffsets.ofGroup(admin, name)).isEqualTo(ends);
    }
    log.info(
        "{}: committed offsets reached the end offsets after {} ms",
        name,
        (System.nanoTime() - started) / 1_000_000);
  }

  private Map<TopicPartition, Long> endOffsets() throws Exception {
    try (Admin admin = connect().kafka().createAdminClient()) {
      return CommittedOffsets.endOffsets(admin, topic, PARTITIONS);
    }
  }

  /** Waits until the store holds at least some records, so what follows happens mid-stream. */
  private void awaitSomeWritten() throws InterruptedException {
    awaitValue(
        "some records written",
        () -> storedPages().values().stream().mapToLong(PageTotals::visits).sum(),
        visits -> visits > 0);
  }

  /** Reads the topic back, computes the ground truth and waits until the store equals it. */
  private GroundTruth awaitExact() throws InterruptedException {
    GroundTruth truth =
        GroundTruth.of(connect().kafka().consume(produced.size(), Await.TIMEOUT.toMillis(), topic));
    assertThat(truth.events() + truth.poison()).isEqualTo(produced.size());
    awaitValue("per-page totals equal the ground truth", this::storedPages, truth.pages()::equals);
    Map<List<String>, Long> visits = storedVisits();
    if (visits != null) {
      awaitValue(
          "per (user, page) counts equal the ground truth",
          this::storedVisits,
          truth.visits()::equals);
    }
    log.info(
        "{}: {} events, {} pages, {} poison: store is exact",
        name,
        truth.events(),
        truth.pages().size(),
        truth.poison());
    return truth;
  }

  /**
   * Waits until the connector and every task are RUNNING; a rebalance (a worker leaving, a restart)
   * passes through UNASSIGNED first. A FAILED task fails the test at once.
   */
  private void assertTasksRunning() throws InterruptedException {
    awaitValue(
        "connector " + name + " and its tasks RUNNING",
        () -> {
          ConnectorStateInfo current = connect().connectorStatus(name);
          current.tasks().stream()
              .filter(task -> task.state().equals("FAILED"))
              .findFirst()
              .ifPresent(task -> fail("task " + task.id() + " FAILED: " + task.trace()));
          return current;
        },
        current ->
            current.connector().state().equals("RUNNING")
                && !current.tasks().isEmpty()
                && current.tasks().stream().allMatch(t -> t.state().equals("RUNNING")));
  }
}
