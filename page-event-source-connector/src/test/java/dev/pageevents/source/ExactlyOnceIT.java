package dev.pageevents.source;

import static dev.pageevents.source.ConnectTestCluster.config;
import static dev.pageevents.source.ConnectTestCluster.eventIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.source.generator.GeneratorSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.connect.runtime.Worker;
import org.apache.kafka.connect.runtime.rest.errors.ConnectRestException;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * KIP-618 exactly-once: workers with exactly.once.source.support=enabled; a task crashed by
 * fencing, all tasks restarted and a worker lost mid-run; and a read_committed consumer still sees
 * every eventId exactly once.
 */
class ExactlyOnceIT {
  private static final String GROUP_ID = "exactly-once-it";
  private static ConnectTestCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster =
        ConnectTestCluster.start(
            "exactly-once-it",
            2,
            Map.of("exactly.once.source.support", "enabled", "group.id", GROUP_ID));
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  private int committedCount(String topic) {
    return cluster.readAll(topic, true).size();
  }

  @Test
  void shouldLeaveEachEventIdOnceForReadCommittedAcrossTaskRestartsAndAWorkerLoss()
      throws Exception {
    String topic = "exactly-once";
    int total = 200_000;
    cluster.connect().kafka().createTopic(topic, 3);
    Map<String, String> config =
        config(
            topic,
            3,
            Map.of(
                // 40 s of stream: at 20,000/s a quiet machine finished task 0's share before the
                // fencing below, so the fenced task never failed
                "events.per.second", "5000",
                "max.events", Integer.toString(total),
                "exactly.once.support", "required"));
    cluster.connect().configureConnector(topic, config);
    cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning(topic, 3, "running");

    TestUtils.waitForCondition(() -> committedCount(topic) >= 30_000, 60_000, "first events");
    crashTaskByFencingItsProducer(topic, 0);
    cluster.connect().restartConnectorAndTasks(topic, false, true, false);
    TestUtils.waitForCondition(() -> committedCount(topic) >= 100_000, 60_000, "after restart");
    cluster.connect().removeWorker();
    cluster.awaitOffsetSum(topic, GeneratorSource.SEQUENCE_KEY, total, 120_000);

    List<String> committed = eventIds(cluster.readAll(topic, true));
    int uncommitted = cluster.readAll(topic, false).size();
    System.out.printf(
        "Exactly-once: %d records read_committed, %d distinct; %d records in the log including"
            + " aborted transactions%n",
        committed.size(), new HashSet<>(committed).size(), uncommitted);
    assertThat(committed).hasSize(total);
    assertThat(new HashSet<>(committed)).hasSize(total);
  }

  /**
   * A zombie-style crash: a second producer with task 0's transactional id fences the task's
   * producer mid-transaction, so its open transaction is aborted and the task fails; then the
   * failed task is restarted and must continue from the last committed offsets.
   */
  private void crashTaskByFencingItsProducer(String connector, int task) throws Exception {
    String transactionalId = Worker.taskTransactionalId(GROUP_ID, connector, task);
    try (KafkaProducer<byte[], byte[]> fencer =
        cluster.connect().kafka().createProducer(Map.of("transactional.id", transactionalId))) {
      fencer.initTransactions();
    }
    TestUtils.waitForCondition(
        () ->
            "FAILED".equals(cluster.connect().connectorStatus(connector).tasks().get(task).state()),
        30_000,
        "task " + task + " fails once fenced");
    cluster.connect().restartConnectorAndTasks(connector, true, true, false);
    cluster
        .connect()
        .assertions()
        .assertConnectorAndExactlyNumTasksAreRunning(connector, 3, "restarted");
  }

  @Test
  void shouldRefuseExactlyOnceRequiredInHttpMode() {
    Map<String, String> config =
        config(
            "http-eos",
            1,
            Map.of(
                "mode", "http",
                "http.port", Integer.toString(ConnectTestCluster.freePort()),
                "exactly.once.support", "required"));
    try {
      cluster.connect().configureConnector("http-eos", config);
      throw new AssertionError("an http connector requiring exactly-once was accepted");
    } catch (ConnectRestException e) {
      assertThat(e.getMessage()).contains("does not support exactly-once");
    }
  }
}
