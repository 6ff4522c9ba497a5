package dev.pageevents.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.testing.Await;
import dev.pageevents.core.testing.ExactSinkContract;
import dev.pageevents.core.testing.PageEventTopic;
import dev.pageevents.core.testing.SinkItConfig;
import dev.pageevents.core.testing.SinkTaskMetricsProbe;
import dev.pageevents.stack.KafkaConnectStack;
import dev.pageevents.stack.SharedServers;
import dev.pageevents.stack.StoreServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The Neo4j sink in a real Connect cluster against a real Neo4j server: the exactness contract, and
 * two tasks writing the same few users and pages at once from a topic keyed by page and from one
 * keyed by user (every visit counted once, and no deadlock between their transactions: the writer
 * locks offsets, users and pages in sorted order; the retried records are printed).
 */
class Neo4jSinkIT extends ExactSinkContract {
  private static final int TWO_TASK_EVENTS = 10_000;
  private static final List<String> TWO_TASK_PAGES =
      List.of("/a", "/b", "/c", "/d", "/e", "/f", "/g", "/h", "/i", "/j");
  private static StoreServer neo4j;
  private static KafkaConnectStack stack;
  private static Driver driver;

  @BeforeAll
  static void startServers() {
    neo4j = SharedServers.neo4j();
    neo4j.start();
    driver = GraphDatabase.driver(neo4j.endpoint(), AuthTokens.none());
    stack = KafkaConnectStack.builder().workers(2).build().start();
  }

  @AfterAll
  static void stopServers() {
    if (stack != null) {
      stack.close();
    }
    if (driver != null) {
      driver.close();
    }
  }

  @Override
  protected EmbeddedConnectCluster connect() {
    return stack.cluster();
  }

  @Override
  protected Map<String, String> storeConfig() {
    return Map.of(
        "connector.class",
        Neo4jSinkConnector.class.getName(),
        Neo4jSinkConfig.URI_CONFIG,
        neo4j.endpoint(),
        Neo4jSinkConfig.USER_CONFIG,
        "");
  }

  @Override
  protected void resetStore() {
    Neo4jGraphs.clear(driver);
  }

  @Override
  protected Optional<Map<List<String>, Long>> storedVisits() {
    return Optional.of(new Neo4jView(driver, "neo4j").visitCounts());
  }

  @Override
  protected void stopStore() {
    neo4j.stop();
  }

  @Override
  protected void startStore() {
    neo4j.start();
  }

  @Test
  void shouldCountEveryVisitOnceWithTwoTasksOnATopicKeyedByPage() throws Exception {
    writeWithTwoTasks("two-tasks-by-page", PageEvent::page);
  }

  @Test
  void shouldCountEveryVisitOnceWithTwoTasksOnATopicKeyedByUser() throws Exception {
    writeWithTwoTasks("two-tasks-by-user", PageEvent::user);
  }

  private void writeWithTwoTasks(String name, Function<PageEvent, String> key) throws Exception {
    EmbeddedConnectCluster connect = stack.cluster();
    connect.kafka().createTopic(name, 4);
    PageEventTopic topic = new PageEventTopic(connect.kafka().bootstrapServers(), name);
    List<PageEvent> events = topic.events(0, TWO_TASK_EVENTS, TWO_TASK_PAGES, 0);
    topic.produceEventsKeyedBy(events, key);
    Map<List<String>, Long> expected = new TreeMap<>(Neo4jSinkIT::compare);
    events.forEach(event -> expected.merge(List.of(event.user(), event.page()), 1L, Long::sum));
    Map<String, String> config = SinkItConfig.stringsWithDeadLetterQueue(name, name + "-dlq");
    config.put("connector.class", Neo4jSinkConnector.class.getName());
    config.put(Neo4jSinkConfig.URI_CONFIG, neo4j.endpoint());
    config.put(Neo4jSinkConfig.USER_CONFIG, "");
    config.put("batch.size", "500");
    connect.configureConnector(name, config);
    Neo4jView view = new Neo4jView(driver, "neo4j");
    Await.await(
        TWO_TASK_EVENTS + " visits stored",
        () ->
            view.visitCounts().values().stream().mapToLong(Long::longValue).sum()
                >= TWO_TASK_EVENTS);
    long retried = SinkTaskMetricsProbe.sum(name, "RecordsRetried");
    System.out.printf(
        "%s: %,d events by 2 tasks, %,d records retried after transient errors%n",
        name, TWO_TASK_EVENTS, retried);
    connect.deleteConnector(name);

    Map<List<String>, Long> stored = new TreeMap<>(Neo4jSinkIT::compare);
    stored.putAll(view.visitCounts());
    assertThat(stored).isEqualTo(expected);
    assertThat(retried)
        .as("records retried after transient errors (deadlocks between the two tasks)")
        .isZero();
  }

  private static int compare(List<String> a, List<String> b) {
    int first = a.get(0).compareTo(b.get(0));
    return first != 0 ? first : a.get(1).compareTo(b.get(1));
  }
}
