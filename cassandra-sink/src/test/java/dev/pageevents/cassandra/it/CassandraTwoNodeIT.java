package dev.pageevents.cassandra.it;

import static dev.pageevents.cassandra.it.SinkIt.count;
import static dev.pageevents.cassandra.it.SinkIt.eventIds;
import static dev.pageevents.core.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import dev.pageevents.cassandra.CassandraView;
import dev.pageevents.cassandra.TimeBucket;
import dev.pageevents.cassandra.it.TestEvents.Event;
import dev.pageevents.core.testing.PageEventTopic;
import dev.pageevents.stack.CassandraServer;
import dev.pageevents.stack.KafkaConnectStack;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sink against a two-node Cassandra ring with RF=2 while one node is down. */
class CassandraTwoNodeIT {
  private static final String KEYSPACE = "it_ring";
  private static final String PAGE_TABLE = "visits_by_page_day";

  private static CassandraServer ring;
  private static KafkaConnectStack stack;
  private static CqlSession cql;

  @BeforeAll
  static void start() {
    ring = CassandraServer.create("ring", 2);
    ring.start();
    stack = KafkaConnectStack.builder().build().start();
    cql = SinkIt.session(ring.contactPoints(), ring.localDatacenter());
  }

  @AfterAll
  static void stop() {
    if (cql != null) {
      cql.close();
    }
    if (stack != null) {
      stack.close();
    }
    if (ring != null) {
      ring.close();
    }
  }

  @Test
  void shouldKeepWritingAtConsistencyOneWhileAReplicaIsDownAndLoseNothingWhenItReturns()
      throws Exception {
    EmbeddedConnectCluster connect = stack.cluster();
    String topic = "ring-visits";
    connect.kafka().createTopic(topic, 2);
    List<Event> events = TestEvents.generate("r", 600);
    Map<String, String> config =
        SinkIt.connectorConfig(topic, ring.endpoint(), ring.localDatacenter(), KEYSPACE);
    config.put("keyspace.replication.factor", "2");
    config.put("consistency.level", "ONE");
    connect.configureConnector("cassandra-ring", config);
    connect
        .assertions()
        .assertConnectorAndExactlyNumTasksAreRunning("cassandra-ring", 2, "sink did not start");

    new PageEventTopic(stack.bootstrapServers(), topic)
        .produceRaw(TestEvents.json(events.subList(0, 300)));
    await("300 rows", () -> count(cql, KEYSPACE, PAGE_TABLE, ConsistencyLevel.ALL) == 300);
    try (CassandraView view =
        new CassandraView(cql, CqlIdentifier.fromCql(KEYSPACE), TimeBucket.DAY)) {
      assertThat(view.locate(events.get(0).page(), events.get(0).ts()).replicas())
          .containsExactlyInAnyOrder(ring.endpoint().split(","));
    }

    ring.node(1).stop();
    new PageEventTopic(stack.bootstrapServers(), topic)
        .produceRaw(TestEvents.json(events.subList(300, 600)));
    await(
        "600 rows written at ONE with a node down",
        () -> count(cql, KEYSPACE, PAGE_TABLE, ConsistencyLevel.ONE) == 600);
    connect
        .assertions()
        .assertConnectorAndExactlyNumTasksAreRunning("cassandra-ring", 2, "a node down failed it");

    ring.node(1).start();
    await(
        "both replicas answer with all 600 rows",
        () -> count(cql, KEYSPACE, PAGE_TABLE, ConsistencyLevel.ALL) == 600);
    ring.node(0).stop();
    Set<String> all = events.stream().map(Event::id).collect(Collectors.toSet());
    await(
        "the returned node alone serves every row",
        () -> eventIds(cql, KEYSPACE, PAGE_TABLE, ConsistencyLevel.ONE).equals(all));
  }
}
