package dev.pageevents.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.sink.PageEventRecord;
import dev.pageevents.core.testing.TestEvents;
import dev.pageevents.core.view.PageTotals;
import dev.pageevents.stack.SharedServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * The Neo4j writer and the documented queries of {@link Neo4jView} against a real Neo4j server,
 * without Connect.
 */
class Neo4jWriterIT {
  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static Driver driver;
  private Neo4jView view;
  private long nextOffset;

  @BeforeAll
  static void connect() {
    var neo4j = SharedServers.neo4j();
    neo4j.start();
    driver = GraphDatabase.driver(neo4j.endpoint(), AuthTokens.none());
  }

  @AfterAll
  static void disconnect() {
    driver.close();
  }

  @BeforeEach
  void emptyGraph() {
    Neo4jGraphs.clear(driver);
    view = new Neo4jView(driver, "neo4j");
    nextOffset = 0;
  }

  private Neo4jWriter writer(boolean next) {
    Neo4jWriter writer =
        new Neo4jWriter(GraphDatabase.driver(neo4jUri(), AuthTokens.none()), "neo4j", next);
    writer.prepare();
    return writer;
  }

  private static String neo4jUri() {
    return SharedServers.neo4j().endpoint();
  }

  private PageEventRecord visit(String user, String page, long durationMs) {
    long offset = nextOffset++;
    SinkRecord sink = new SinkRecord("t", 0, null, null, null, "v", offset);
    return new PageEventRecord(
        sink, new PageEvent("e" + offset, page, user, 1_700_000_000_000L + offset, durationMs));
  }

  @Test
  void shouldNotCountARedeliveredOrOverlappingBatchTwice() {
    List<PageEventRecord> first = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      first.add(visit("u1", "/a", 10));
    }
    List<PageEventRecord> second = new ArrayList<>(first.subList(5, 10));
    for (int i = 0; i < 5; i++) {
      second.add(visit("u1", "/a", 10));
    }
    try (Neo4jWriter writer = writer(false)) {
      writer.write(first);
      writer.write(first);
      writer.write(second);

      assertThat(view.visitCounts()).isEqualTo(Map.of(List.of("u1", "/a"), 15L));
      assertThat(view.totalsByPage()).containsEntry("/a", new PageTotals("/a", 15, 150));
      assertThat(writer.appliedOffsets(List.of(P0, new TopicPartition("t", 1))))
          .isEqualTo(Map.of(P0, 14L));
    }
  }

  @Test
  void shouldStoreHostileNamesVerbatim() {
    List<PageEventRecord> batch = new ArrayList<>();
    for (String name : TestEvents.HOSTILE_NAMES) {
      batch.add(visit(name, name, 1));
    }
    try (Neo4jWriter writer = writer(false)) {
      writer.write(batch);
    }
    for (String name : TestEvents.HOSTILE_NAMES) {
      assertThat(view.topPagesOfUser(name, 5))
          .containsExactly(new Neo4jView.PageVisits(name, 1, 1));
    }
    assertThat(view.totalsByPage()).hasSize(TestEvents.HOSTILE_NAMES.size());
  }

  /**
   * alice: /home x3, /cart x1; bob: /home, /docs; carol: /docs, /cart x2; dave: /blog (alone).
   * alice and carol share /cart; bob links alice (via /home) and carol (via /docs).
   */
  private void writeSmallGraph(boolean next) {
    List<PageEventRecord> batch =
        List.of(
            visit("alice", "/home", 5),
            visit("alice", "/home", 5),
            visit("alice", "/cart", 7),
            visit("alice", "/home", 5),
            visit("bob", "/home", 1),
            visit("bob", "/docs", 1),
            visit("carol", "/docs", 2),
            visit("carol", "/cart", 2),
            visit("carol", "/cart", 2),
            visit("dave", "/blog", 9));
    try (Neo4jWriter writer = writer(next)) {
      writer.write(batch);
    }
  }

  @Test
  void shouldAnswerTheTopPagesOfAUser() {
    writeSmallGraph(false);

    assertThat(view.topPagesOfUser("alice", 1))
        .containsExactly(new Neo4jView.PageVisits("/home", 3, 15));
    assertThat(view.topPagesOfUser("alice", 5))
        .extracting(Neo4jView.PageVisits::page)
        .containsExactly("/home", "/cart");
  }

  @Test
  void shouldAnswerTheUsersWhoVisitedBothPages() {
    writeSmallGraph(false);

    assertThat(view.usersWhoVisitedBoth("/home", "/docs")).containsExactly("bob");
    assertThat(view.usersWhoVisitedBoth("/cart", "/home")).containsExactly("alice");
    assertThat(view.usersWhoVisitedBoth("/blog", "/home")).isEmpty();
  }

  @Test
  void shouldAnswerTheShortestPathBetweenTwoUsersThroughPages() {
    writeSmallGraph(false);

    assertThat(view.shortestPath("alice", "carol")).containsExactly("alice", "/cart", "carol");
    assertThat(view.shortestPath("bob", "carol")).containsExactly("bob", "/docs", "carol");
    assertThat(view.shortestPath("alice", "dave")).isEmpty();
  }

  @Test
  void shouldShowTheNeighbourhoodOfAUserOrPage() {
    writeSmallGraph(false);

    assertThat(view.neighbourhood("/cart", 10))
        .containsExactly(
            new Neo4jView.Neighbour("User", "carol", 2),
            new Neo4jView.Neighbour("User", "alice", 1));
    assertThat(view.neighbourhood("bob", 10))
        .extracting(Neo4jView.Neighbour::name)
        .containsExactly("/docs", "/home");
  }

  @Test
  void shouldCountEachUsersConsecutiveVisitsAsNextRelationshipsAcrossBatches() {
    writeSmallGraph(true);
    try (Neo4jWriter writer = writer(true)) {
      writer.write(List.of(visit("alice", "/docs", 1)));
    }

    try (Session session = driver.session()) {
      var rows =
          session
              .run(
                  "MATCH (a:Page)-[n:NEXT]->(b:Page) RETURN a.name + ' -> ' + b.name AS t, n.count AS c"
                      + " ORDER BY t")
              .list(r -> r.get("t").asString() + " x" + r.get("c").asLong());
      assertThat(rows)
          .containsExactly(
              "/cart -> /cart x1",
              "/cart -> /home x1",
              "/docs -> /cart x1",
              "/home -> /cart x1",
              "/home -> /docs x2",
              "/home -> /home x1");
    }
  }
}
