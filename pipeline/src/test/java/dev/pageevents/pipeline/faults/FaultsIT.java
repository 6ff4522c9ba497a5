package dev.pageevents.pipeline.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.configs.TaskStatus;
import dev.pageevents.pipeline.compare.Comparison;
import dev.pageevents.pipeline.compare.Store;
import dev.pageevents.pipeline.demo.Demo;
import dev.pageevents.pipeline.demo.WorkerMetrics;
import dev.pageevents.stack.ConnectWorkerServer;
import dev.pageevents.stack.StoreServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults in the middle of a steady stream, with the source and all five sinks running from their
 * plugin archives in a 3-worker Connect group (worker processes) against the demo's embedded
 * stores: every store stopped, every store hung, the broker down 6 s, the source's worker killed.
 * After each fault every store must equal the topic's ground truth exactly (the demo's compare) and
 * every connector and task must be RUNNING. One stack and one topic serve all four; each fault
 * extends the stream.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {
  private static final Duration OUTAGE = Duration.ofSeconds(30);
  private static final Duration RECOVERY = Duration.ofMinutes(3);
  private static final Duration BROKER_OUTAGE = Duration.ofSeconds(6);

  private FaultStack faults;

  @BeforeAll
  void startStack() {
    faults = FaultStack.start();
  }

  @AfterAll
  void stopStack() {
    if (faults != null) {
      faults.close();
    }
  }

  @Test
  @Order(1)
  void shouldEndWithEveryStoreExactWhenAllFiveStoresAreStoppedFor30sMidStream() throws Exception {
    long events = faults.stream(8_000, 1_000);
    Map<Store, StoreServer> stores = faults.stores();

    long stopping = System.nanoTime();
    onEach(stores, StoreServer::stop);
    long stopped = System.nanoTime();
    Thread.sleep(OUTAGE.toMillis()); // the outage itself, not a wait for a condition
    long starting = System.nanoTime();
    onEach(stores, StoreServer::start);
    long restarted = System.nanoTime();
    Comparison exact = faults.awaitExact(RECOVERY);

    assertThat(exact.mismatches()).isEmpty();
    figures(
        "stores-stopped",
        events,
        "stopping took %.1f s, all down %.1f s, restarting took %.1f s, exact %.1f s after"
            + " restart",
        secs(stopping, stopped),
        secs(stopped, restarted),
        secs(starting, restarted),
        secs(restarted, System.nanoTime()));
  }

  @Test
  @Order(2)
  void shouldTimeOutRetryAndEndExactWhenTheForkedStoresHangFor30sMidStream() throws Exception {
    long events = faults.stream(8_000, 1_000);
    Map<Store, StoreServer> hung = faults.stores();
    hung.remove(Store.MONGODB); // the stand-in runs inside the test JVM: it cannot be SIGSTOPped
    Map<String, Long> retriedBefore = retried();

    onEach(hung, StoreServer::pause);
    long paused = System.nanoTime();
    Thread.sleep(OUTAGE.toMillis()); // the hang itself
    onEach(hung, StoreServer::resume);
    long resumed = System.nanoTime();
    Comparison exact = faults.awaitExact(RECOVERY);
    Map<String, Long> retriedAfter = retried();

    assertThat(exact.mismatches()).isEmpty();
    figures(
        "stores-hung",
        events,
        "hung %.1f s, exact %.1f s after SIGCONT, records retried per sink %s (before %s)",
        secs(paused, resumed),
        secs(resumed, System.nanoTime()),
        retriedAfter,
        retriedBefore);
    for (String sink : List.of("cassandra-sink", "elasticsearch-sink", "redis-cache-sink")) {
      assertThat(retriedAfter.getOrDefault(sink, 0L))
          .as("%s retried after its store hung", sink)
          .isGreaterThan(retriedBefore.getOrDefault(sink, 0L));
    }
  }

  @Test
  @Order(3)
  void shouldEndWithEveryStoreExactWhenTheBrokerIsDownFor6sMidStream() throws Exception {
    long events = faults.stream(6_000, 1_500);

    long stopping = System.nanoTime();
    faults.kafka().broker().stop();
    long stopped = System.nanoTime();
    // past the 5 s default graceful task stop: the workers' 30 s setting must carry the
    // exactly-once source's commit over the outage (docs/reliability.md)
    Thread.sleep(Math.max(0, BROKER_OUTAGE.toMillis() - (stopped - stopping) / 1_000_000));
    long starting = System.nanoTime();
    faults.kafka().broker().start();
    long restarted = System.nanoTime();
    Comparison exact = faults.awaitExact(RECOVERY);

    assertThat(exact.mismatches()).isEmpty();
    figures(
        "broker-outage",
        events,
        "stop %.1f s, down %.1f s, start %.1f s, exact %.1f s after restart",
        secs(stopping, stopped),
        secs(stopping, starting),
        secs(starting, restarted),
        secs(restarted, System.nanoTime()));
  }

  @Test
  @Order(4)
  void shouldMoveTasksAndEndExactWhenTheSourceTasksWorkerIsKilledMidStream() throws Exception {
    long events = faults.stream(6_000, 1_500);
    List<ConnectWorkerServer> workers = faults.kafka().workers();
    ConnectWorkerServer victim = sourceWorker(workers);
    int victimTasks = sinkTasksOn(victim);
    faults.useRestOf(workers.stream().filter(w -> w != victim).findFirst().orElseThrow());

    long killed = System.nanoTime();
    victim.kill();
    Poll.until(
        "every task to leave " + victim,
        Duration.ofSeconds(90),
        () -> faults.sinksAndSource().stream().noneMatch(name -> onWorker(name, victim)));
    long moved = System.nanoTime();
    Comparison exact = faults.awaitExact(RECOVERY);

    assertThat(exact.mismatches()).isEmpty();
    figures(
        "worker-killed",
        events,
        "kill -9 of %s (the source task and %d sink tasks), tasks moved %.1f s later, exact %.1f s"
            + " after the kill",
        victim,
        victimTasks,
        secs(killed, moved),
        secs(killed, System.nanoTime()));
  }

  private Map<String, Long> retried() {
    return WorkerMetrics.sinkCounter(faults.kafka().workers(), "RecordsRetried");
  }

  /**
   * The worker running the source task: the hardest worker to lose, since the task dies between two
   * commits. With exactly-once source support its open transaction is aborted and its successor
   * resumes from the offsets committed with the records, so no event is doubled.
   */
  private ConnectWorkerServer sourceWorker(List<ConnectWorkerServer> workers) {
    return workers.stream().filter(w -> onWorker(Demo.SOURCE, w)).findFirst().orElseThrow();
  }

  private int sinkTasksOn(ConnectWorkerServer worker) {
    int count = 0;
    for (String name : faults.sinks()) {
      for (TaskStatus task : faults.rest().status(name).tasks()) {
        if (worker.endpoint().endsWith("//" + task.workerId())) {
          count++;
        }
      }
    }
    return count;
  }

  private boolean onWorker(String connector, ConnectWorkerServer worker) {
    return faults.rest().status(connector).tasks().stream()
        .anyMatch(t -> worker.endpoint().endsWith("//" + t.workerId()));
  }

  /** Applies a fault control to every store at once (Neo4j alone takes 10-13 s to stop). */
  private static void onEach(Map<Store, StoreServer> stores, Consumer<StoreServer> control) {
    CompletableFuture.allOf(
            stores.values().stream()
                .map(s -> CompletableFuture.runAsync(() -> control.accept(s)))
                .toArray(CompletableFuture[]::new))
        .join();
  }

  private static void figures(String fault, long events, String format, Object... args) {
    System.out.printf(
        "FAULT %s: %d events in the topic, records lost 0, %s%n",
        fault, events, String.format(format, args));
  }

  private static double secs(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1e9;
  }
}
