package dev.pageevents.core.testing;

import static dev.pageevents.core.testing.Await.awaitValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.pageevents.core.config.PageEventSinkConfig;
import dev.pageevents.core.view.GroundTruth;
import dev.pageevents.core.view.PageTotals;
import dev.pageevents.core.view.StoreView;
import dev.pageevents.core.view.StoreViews;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Connect scenarios every sink of the pack must pass, whatever its store: ground truth with
 * poison and hostile names, replay after an offsets reset, rebuild, the store going down
 * mid-stream, a worker lost mid-stream. After each, what the store holds (read through the sink's
 * own {@link StoreView}) equals the ground truth computed from the topic: nothing lost, nothing
 * doubled. A sink's integration test extends this (or {@link ExactSinkContract}, {@link
 * DocumentSinkContract}) and says how to configure its connector and stop and start its store.
 */
public abstract class SinkContract {
  private static final Logger log = LoggerFactory.getLogger(SinkContract.class);
  private static final int PARTITIONS = 3;
  private static final Duration COMMIT_WAIT = Duration.ofSeconds(30);
  private static final AtomicInteger SCENARIOS = new AtomicInteger();

  private String name;
  private String storeKey;
  private String topic;
  private String dlq;
  private StoreView view;
  private final List<String> produced = new ArrayList<>();

  /** The running Connect cluster (two workers or more). */
  protected abstract EmbeddedConnectCluster connect();

  /**
   * The sink's own settings ({@code connector.class}, connection, and where in the store this
   * scenario writes: named after {@link #storeKey()} where the store can); the contract adds
   * topics, converters and the DLQ. The sink's view opens with them.
   */
  protected abstract Map<String, String> storeConfig();

  /**
   * Empties the store before a scenario, for a sink that cannot write where {@link #storeKey()}
   * says.
   */
  protected void resetStore() {}

  /** Takes the store away, keeping its data (a graceful stop, a kill, a cut connection). */
  protected abstract void stopStore();

  /** Brings the store back on the same address and data. */
  protected abstract void startStore();

  /** Per (user, page) visit counts as the store reads them, for stores that keep them. */
  protected Optional<Map<List<String>, Long>> storedVisits() {
    return Optional.empty();
  }

  @BeforeEach
  void newScenario(TestInfo test) {
    String method = test.getTestMethod().orElseThrow().getName();
    name = getClass().getSimpleName() + "-" + method;
    // Dots in the topic name: it must be data for every store, never part of a name or query.
    topic = "page.events-" + name;
    dlq = "dlq-" + name;
    storeKey = "contract" + SCENARIOS.incrementAndGet();
    produced.clear();
    connect().kafka().createTopic(topic, PARTITIONS);
    resetStore();
  }

  @AfterEach
  void closeView() {
    if (view != null) {
      view.close();
      view = null;
    }
  }

  @Test
  void shouldMatchTheGroundTruthKeepHostileNamesAsDataAndSendOnlyPoisonToTheDlq() throws Exception {
    List<String> values = new ArrayList<>(TestEvents.json(1, 1_500, 40, 60));
    for (int i = 0; i < TestEvents.POISON.size(); i++) {
      values.add(300 * (i + 1), TestEvents.POISON.get(i));
    }
    produce(values);
    startConnector();

    GroundTruth truth = awaitExact();

    assertThat(truth.poison()).isEqualTo(TestEvents.POISON.size());
    ConsumerRecords<byte[], byte[]> dead =
        connect().kafka().consume(truth.poison(), Await.TIMEOUT.toMillis(), dlq);
    List<String> deadValues = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : dead) {
      deadValues.add(DeadLetters.value(record));
      assertThat(DeadLetters.header(record, "__connect.errors.exception.class.name")).isNotNull();
      assertThat(DeadLetters.header(record, DeadLetters.EXCEPTION_MESSAGE))
          .contains("Bad page event");
      assertThat(DeadLetters.header(record, "__connect.errors.topic")).isEqualTo(topic);
    }
    assertThat(deadValues).containsExactlyInAnyOrderElementsOf(TestEvents.POISON);
    assertThat(storedPages().keySet()).containsAll(TestEvents.HOSTILE_NAMES);
    assertThat(view().answeredBy())
        .as("the server that answered the view, as the demo prints it")
        .hasValueSatisfying(
            server ->
                assertThat(server).startsWith(view().storeName() + " ").doesNotContain("null"));
    storedVisits()
        .ifPresent(
            visits ->
                assertThat(visits.keySet().stream().map(key -> key.get(0)))
                    .containsAll(TestEvents.HOSTILE_NAMES));
    assertTasksRunning();
  }

  @Test
  void shouldStayExactWhenAWorkerDiesAndTasksRestartMidStream() throws Exception {
    produce(TestEvents.json(2, 1_000, 30, 40));
    startConnector();
    awaitSomeWritten();

    WorkerHandle victim = connect().workers().iterator().next();
    log.info("Removing worker {} mid-stream", victim);
    connect().removeWorker(victim);
    produce(TestEvents.json(3, 1_000, 30, 40));
    connect().addWorker();
    connect().assertions().assertExactlyNumWorkersAreUp(2, "the replacement worker did not start");
    connect().restartConnectorAndTasks(name, false, true, false);
    produce(TestEvents.json(4, 1_000, 30, 40));

    assertTasksRunning();
    awaitExact();
  }

  /**
   * A reset of every partition with {@code offsets.reset=replay}: the tasks deliver from the start
   * again (a document sink rewrites the same documents, a sink that keeps its offsets in the store
   * skips what it applied), nothing is doubled, and Connect commits to the end even though no new
   * record arrives (or lag monitoring and "wait until caught up" would wait forever).
   */
  @Test
  void shouldReplayAfterAnOffsetsResetWithoutDoublingAndCommitToTheEnd() throws Exception {
    writeExactlyWithOffsetsReset("replay", TestEvents.json(5, 1_500, 30, 40));
    awaitCommittedToTheEnd();

    resetOffsetsWhileStopped();
    connect().resumeConnector(name);

    awaitCommittedToTheEnd();
    awaitExact();
    produce(TestEvents.json(6, 500, 30, 40));
    awaitExact();
    assertTasksRunning();
  }

  @Test
  void shouldRebuildTheStoreFromTheTopicOnAResetWithRebuild() throws Exception {
    writeExactlyWithOffsetsReset("rebuild", TestEvents.json(12, 1_000, 30, 40));

    resetOffsetsWhileStopped();
    assertThat(storedPages()).as("the store is cleared before the replay").isEmpty();
    connect().resumeConnector(name);

    awaitExact();
    awaitCommittedToTheEnd();
    assertTasksRunning();
  }

  @Test
  void shouldRetryWhileTheStoreIsDownMidStreamAndEndExact() throws Exception {
    produce(TestEvents.json(7, 1_000, 30, 40));
    startConnector();
    awaitSomeWritten();
    // Every task started first: the outage is of running tasks (whether a task can start during
    // an outage depends on the store's client: Redis and Neo4j defer their setup to the first
    // batch, a Cassandra session cannot open; that is not what this scenario is about).
    assertTasksRunning();

    stopStore();
    try {
      produce(TestEvents.json(8, 1_000, 30, 40));
      Await.await(
          "the sink to retry while the store is down",
          () -> SinkTaskMetricsProbe.sum(name, "RecordsRetried") > 0);
    } finally {
      restartStore();
    }
    produce(TestEvents.json(9, 500, 30, 40));

    awaitExact();
    assertTasksRunning();
  }

  /**
   * A name for this scenario's part of the store (key prefix, collection, index, keyspace), new in
   * each scenario: lower-case letters and digits, valid in every store.
   */
  protected final String storeKey() {
    return storeKey;
  }

  /**
   * Produces the values, starts the connector with this {@code offsets.reset} mode, awaits exact.
   */
  private void writeExactlyWithOffsetsReset(String mode, List<String> values) throws Exception {
    produce(values);
    startConnector(Map.of(PageEventSinkConfig.OFFSETS_RESET_CONFIG, mode));
    awaitExact();
  }

  /** This scenario's connector name (also its consumer group's suffix). */
  protected final String connectorName() {
    return name;
  }

  /** This scenario's topic, with {@value #PARTITIONS} partitions. */
  protected final PageEventTopic topic() {
    return new PageEventTopic(connect().kafka().bootstrapServers(), topic);
  }

  /** Consumes {@code count} records from this scenario's dead letter queue. */
  protected final ConsumerRecords<byte[], byte[]> deadLetters(int count) {
    return connect().kafka().consume(count, Await.TIMEOUT.toMillis(), dlq);
  }

  /** Stops this scenario's connector and waits until it is STOPPED, so its offsets can change. */
  protected final void stopConnector() throws InterruptedException {
    connect().stopConnector(name);
    connect().assertions().assertConnectorIsStopped(name, "connector did not stop");
  }

  /** Stops the connector and resets all its offsets (KIP-875), which Connect then shows empty. */
  protected final void resetOffsetsWhileStopped() throws InterruptedException {
    stopConnector();
    connect().resetConnectorOffsets(name);
    assertThat(CommittedOffsets.ofConnector(connect(), name)).isEmpty();
  }

  /** Produces values to this scenario's topic and remembers them for {@link #awaitExact()}. */
  protected final void produce(List<String> values) {
    topic().produce(values);
    produced.addAll(values);
  }

  protected final void startConnector() throws InterruptedException {
    startConnector(Map.of());
  }

  /** Configures this scenario's connector: the store's settings, a DLQ, small batches. */
  protected final void startConnector(Map<String, String> settings) throws InterruptedException {
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
   * Per page visits and total duration as the sink's own view reads them. A failed read closes the
   * view, so the next one reconnects (after a store restart, say).
   */
  protected final Map<String, PageTotals> storedPages() {
    try {
      return view().totalsByPage();
    } catch (RuntimeException e) {
      closeView();
      throw e;
    }
  }

  private StoreView view() {
    if (view == null) {
      Map<String, String> config = new HashMap<>(storeConfig());
      view =
          StoreViews.forConfig(config)
              .orElseThrow(() -> new AssertionError("no StoreView for " + config))
              .open(config);
    }
    return view;
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

  /**
   * Waits until both {@code GET /connectors/<n>/offsets} and the consumer group (read with Admin)
   * show every partition committed to the topic's end, within {@link #COMMIT_WAIT}: a few offset
   * commit intervals (1 s) plus a task start.
   */
  protected final void awaitCommittedToTheEnd() throws Exception {
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

  protected final Map<TopicPartition, Long> endOffsets() throws Exception {
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
  protected final GroundTruth awaitExact() throws InterruptedException {
    GroundTruth truth =
        GroundTruth.of(connect().kafka().consume(produced.size(), Await.TIMEOUT.toMillis(), topic));
    assertThat(truth.events() + truth.poison()).isEqualTo(produced.size());
    awaitValue("per-page totals equal the ground truth", this::storedPages, truth.pages()::equals);
    if (storedVisits().isPresent()) {
      awaitValue(
          "per (user, page) counts equal the ground truth",
          () -> storedVisits().orElseThrow(),
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
  protected final void assertTasksRunning() throws InterruptedException {
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
