package dev.pageevents.cassandra.it;

import static dev.pageevents.cassandra.it.SinkIt.count;
import static dev.pageevents.cassandra.it.SinkIt.eventIds;
import static dev.pageevents.core.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import dev.pageevents.cassandra.CassandraSchema;
import dev.pageevents.cassandra.CassandraSinkConnector;
import dev.pageevents.cassandra.CassandraView;
import dev.pageevents.cassandra.CassandraView.PartitionLocation;
import dev.pageevents.cassandra.CassandraView.Visit;
import dev.pageevents.cassandra.TimeBucket;
import dev.pageevents.cassandra.it.TestEvents.Event;
import dev.pageevents.core.testing.Await;
import dev.pageevents.core.testing.PageEventTopic;
import dev.pageevents.core.testing.SinkContract;
import dev.pageevents.core.view.PageTotals;
import dev.pageevents.stack.CassandraServer;
import dev.pageevents.stack.KafkaConnectStack;
import dev.pageevents.stack.SharedServers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Cassandra sink in a real Connect cluster of two workers against one real Cassandra 5 node:
 * the shared {@link SinkContract} (the store outage kills the node and starts it again), and what
 * only Cassandra has (two query tables, partitions in time order, tokens, batches by partition,
 * keys too long for Cassandra, a pre-existing table of another shape). Those run first, before the
 * contract kills the node and the test's own session waits to reconnect.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CassandraSinkIT extends SinkContract {
  private static final String PAGE_TABLE = "visits_by_page_day";
  private static final String USER_TABLE = "visits_by_user_day";
  private static final String CONTRACT_KEYSPACE = "contract";

  private static CassandraServer cassandra;
  private static KafkaConnectStack stack;
  private static EmbeddedConnectCluster connect;
  private static CqlSession cql;

  @BeforeAll
  static void start() {
    cassandra = SharedServers.cassandra();
    cassandra.start();
    stack = KafkaConnectStack.builder().workers(2).build().start();
    connect = stack.cluster();
    cql = SinkIt.session(cassandra.contactPoints(), cassandra.localDatacenter());
  }

  @AfterAll
  static void stop() {
    if (cql != null) {
      cql.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Override
  protected EmbeddedConnectCluster connect() {
    return connect;
  }

  /**
   * Every contract scenario writes to one keyspace, emptied before each: creating a keyspace and
   * its two tables costs Cassandra several seconds of schema changes, a truncate a fraction.
   */
  @Override
  protected Map<String, String> storeConfig() {
    return SinkIt.storeSettings(
        cassandra.endpoint(), cassandra.localDatacenter(), CONTRACT_KEYSPACE);
  }

  @Override
  protected void resetStore() {
    new CassandraSchema(CqlIdentifier.fromCql(CONTRACT_KEYSPACE)).truncate(cql);
  }

  @Override
  protected void stopStore() {
    cassandra.kill();
  }

  @Override
  protected void startStore() {
    cassandra.start();
  }

  private static Map<String, String> config(String topic, String keyspace) {
    return SinkIt.connectorConfig(
        topic, cassandra.endpoint(), cassandra.localDatacenter(), keyspace);
  }

  private static boolean bothTablesHold(String keyspace, long rows) {
    return count(cql, keyspace, PAGE_TABLE, ConsistencyLevel.ONE) == rows
        && count(cql, keyspace, USER_TABLE, ConsistencyLevel.ONE) == rows;
  }

  private static Set<String> ids(List<Event> events) {
    return events.stream().map(Event::id).collect(Collectors.toSet());
  }

  @Test
  @Order(1)
  void shouldWriteEachEventToBothTablesServePartitionsInTimeOrderAndStayExactOnReplay()
      throws Exception {
    String topic = "visits";
    String keyspace = "it_visits";
    int n = 600;
    connect.kafka().createTopic(topic, 3);
    List<Event> events = TestEvents.generate("v", n);
    new PageEventTopic(stack.bootstrapServers(), topic).produceRaw(TestEvents.json(events));

    connect.configureConnector("cassandra-visits", config(topic, keyspace));
    connect
        .assertions()
        .assertConnectorAndExactlyNumTasksAreRunning("cassandra-visits", 2, "sink did not start");
    await(n + " rows in each table", () -> bothTablesHold(keyspace, n));
    assertThat(eventIds(cql, keyspace, USER_TABLE, ConsistencyLevel.ONE)).isEqualTo(ids(events));

    Event sample = events.get(7);
    String day = TimeBucket.DAY.of(sample.ts());
    try (CassandraView view =
        new CassandraView(cql, CqlIdentifier.fromCql(keyspace), TimeBucket.DAY)) {
      List<Visit> visits = view.partition(sample.page(), sample.ts());
      List<String> expected =
          events.stream()
              .filter(e -> e.page().equals(sample.page()) && TimeBucket.DAY.of(e.ts()).equals(day))
              .sorted(Comparator.comparing(Event::ts).reversed())
              .map(Event::id)
              .toList();
      assertThat(visits).extracting(Visit::eventId).containsExactlyElementsOf(expected);
      assertThat(visits).isSortedAccordingTo(Comparator.comparing(Visit::ts).reversed());

      PartitionLocation where = view.locate(sample.page(), sample.ts());
      long serverToken =
          cql.execute(
                  "SELECT token(page, day) FROM it_visits.visits_by_page_day"
                      + " WHERE page = ? AND day = ? LIMIT 1",
                  sample.page(),
                  day)
              .one()
              .getLong(0);
      assertThat(where.token()).isEqualTo(Long.toString(serverToken));
      assertThat(where.replicas()).containsExactly(cassandra.endpoint());
      assertThat(view.totalsByPage()).isEqualTo(totals(events));
    }

    Map<String, String> replay = new HashMap<>(config(topic, keyspace));
    replay.put("batch.by.partition", "true");
    connect.configureConnector("cassandra-visits-replay", replay);
    await(
        "the replay connector committed every offset",
        () -> SinkIt.committedOffsets(connect, "cassandra-visits-replay") == n);
    assertThat(bothTablesHold(keyspace, n)).isTrue();
    assertThat(eventIds(cql, keyspace, PAGE_TABLE, ConsistencyLevel.ONE)).isEqualTo(ids(events));
    connect.deleteConnector("cassandra-visits");
    connect.deleteConnector("cassandra-visits-replay");
  }

  private static Map<String, PageTotals> totals(List<Event> events) {
    Map<String, PageTotals> totals = new TreeMap<>();
    for (Event e : events) {
      totals.merge(
          e.page(),
          new PageTotals(e.page(), 1, e.durationMs()),
          (a, b) ->
              new PageTotals(a.page(), a.visits() + 1, a.totalDurationMs() + b.totalDurationMs()));
    }
    return totals;
  }

  @Test
  @Order(2)
  void shouldSendPoisonRecordsToTheDeadLetterQueueAndWriteAllTheOthers() throws Exception {
    String topic = "poison";
    String keyspace = "it_poison";
    connect.kafka().createTopic(topic, 1);
    List<Event> good = TestEvents.generate("g", 100);
    Event tooLongKey =
        new Event(
            "bad-key", "/" + "a".repeat(70_000), "u" + "b".repeat(70_000), TestEvents.START, 1);
    List<String> values = new ArrayList<>(TestEvents.json(good));
    values.add(10, "not json at all");
    values.add(50, "{\"page\":\"/no-user\",\"timestamp\":\"2025-06-01T10:00:00Z\"}");
    values.add(90, tooLongKey.json());
    new PageEventTopic(stack.bootstrapServers(), topic).produceRaw(values);

    Map<String, String> config = config(topic, keyspace);
    config.put("pageevent.max.string.length", "200000");
    connect.configureConnector("cassandra-poison", config);

    List<String> dlq =
        StreamSupport.stream(
                connect.kafka().consume(3, Await.TIMEOUT.toMillis(), topic + "-dlq").spliterator(),
                false)
            .map(ConsumerRecord::value)
            .map(String::new)
            .toList();
    assertThat(dlq).hasSize(3).contains("not json at all").anyMatch(v -> v.contains("bad-key"));
    await("the 100 good events in each table", () -> bothTablesHold(keyspace, 100));
    assertThat(eventIds(cql, keyspace, PAGE_TABLE, ConsistencyLevel.ONE)).isEqualTo(ids(good));
    connect
        .assertions()
        .assertConnectorAndExactlyNumTasksAreRunning(
            "cassandra-poison", 2, "a bad record failed it");
    connect.deleteConnector("cassandra-poison");
  }

  @Test
  @Order(3)
  void shouldRefuseAPreExistingTableOfAnotherShapeNamingTableAndColumn() {
    cql.execute(
        "CREATE KEYSPACE IF NOT EXISTS it_wrong WITH replication ="
            + " {'class': 'SimpleStrategy', 'replication_factor': 1}");
    cql.execute(
        "CREATE TABLE IF NOT EXISTS it_wrong.visits_by_page_day (page text, day text,"
            + " ts timestamp, event_id text, user text, duration_ms int,"
            + " PRIMARY KEY ((page, day), ts, event_id))");
    Map<String, String> config = config("wrong-schema", "it_wrong");
    String expected =
        "table it_wrong.visits_by_page_day: column duration_ms has type int, expected bigint";

    List<String> keyspaceErrors =
        connect
            .validateConnectorConfig(CassandraSinkConnector.class.getName(), config)
            .configs()
            .stream()
            .map(ConfigInfo::configValue)
            .filter(v -> v.name().equals("cassandra.keyspace"))
            .flatMap(v -> v.errors().stream())
            .toList();
    assertThat(keyspaceErrors).singleElement().asString().contains(expected);
    assertThatThrownBy(() -> connect.configureConnector("cassandra-wrong", config))
        .hasMessageContaining(expected);
  }
}
