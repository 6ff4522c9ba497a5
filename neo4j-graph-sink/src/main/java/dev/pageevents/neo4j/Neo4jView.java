package dev.pageevents.neo4j;

import dev.pageevents.core.view.ClientStoreView;
import dev.pageevents.core.view.PageTotals;
import dev.pageevents.core.view.ViewSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.summary.ServerInfo;

/**
 * The read side of the Neo4j sink: the documented queries of the module README, each a
 * parameterised read. Never writes.
 */
public final class Neo4jView extends ClientStoreView {
  static final String STORE_NAME = "Neo4j";

  /** One page and how often a user visited it. */
  public record PageVisits(String page, long count, long durationMs) {}

  /** A node next to a user or page, and the visit count on the edge between them. */
  public record Neighbour(String label, String name, long count) {}

  static final String PAGE_TOTALS =
      """
      MATCH (:User)-[v:VISITED]->(p:Page)
      RETURN p.name AS page, sum(v.count) AS visits, sum(v.totalDurationMs) AS durationMs
      ORDER BY page""";

  static final String VISIT_COUNTS =
      """
      MATCH (u:User)-[v:VISITED]->(p:Page)
      RETURN u.id AS user, p.name AS page, v.count AS count""";

  static final String TOP_PAGES_OF_USER =
      """
      MATCH (:User {id: $user})-[v:VISITED]->(p:Page)
      RETURN p.name AS page, v.count AS count, v.totalDurationMs AS durationMs
      ORDER BY count DESC, page LIMIT $limit""";

  static final String USERS_WHO_VISITED_BOTH =
      """
      MATCH (:Page {name: $first})<-[:VISITED]-(u:User)-[:VISITED]->(:Page {name: $second})
      RETURN u.id AS user ORDER BY user""";

  static final String SHORTEST_PATH =
      """
      MATCH (a:User {id: $from}), (b:User {id: $to})
      MATCH path = shortestPath((a)-[:VISITED*..10]-(b))
      RETURN [n IN nodes(path) | coalesce(n.id, n.name)] AS names""";

  static final String NEIGHBOURHOOD =
      """
      CALL {
        MATCH (n:User {id: $name}) RETURN n
        UNION
        MATCH (n:Page {name: $name}) RETURN n
      }
      MATCH (n)-[v:VISITED]-(m)
      RETURN labels(m)[0] AS label, coalesce(m.id, m.name) AS name, v.count AS count
      ORDER BY count DESC, name LIMIT $limit""";

  private final Driver driver;
  private final SessionConfig session;

  /** A view over an open driver, which the caller keeps and closes. */
  public Neo4jView(Driver driver, String database) {
    this(driver, false, database);
  }

  private Neo4jView(Driver driver, boolean ownsDriver, String database) {
    super(STORE_NAME, driver, ownsDriver);
    this.driver = driver;
    this.session = SessionConfig.forDatabase(database);
  }

  /**
   * A view that connects with a connector config (the same keys as the sink) and owns the driver.
   */
  public static Neo4jView open(Map<String, String> connectorConfig) {
    Neo4jSinkConfig config = new Neo4jSinkConfig(connectorConfig);
    return new Neo4jView(Neo4jDrivers.create(config), true, config.database());
  }

  /** The server's agent string (product and version) and address, from a query's summary. */
  @Override
  public Optional<String> answeredBy() {
    try (Session s = driver.session(session)) {
      ServerInfo server = s.run("RETURN 1").consume().server();
      return Optional.of(server.agent().replace('/', ' ') + " at " + server.address());
    }
  }

  /**
   * The shortest path from the sample user to another visitor of the user's second most visited
   * page (or only page), through shared pages.
   */
  @Override
  public List<String> sampleQuery(ViewSample sample) {
    List<PageVisits> pages = topPagesOfUser(sample.user(), 2);
    if (pages.isEmpty()) {
      return List.of();
    }
    String other = pages.get(pages.size() - 1).page();
    List<String> path = shortestPath(sample.user(), otherVisitor(other, sample.user()));
    return List.of("  shortest path between two users through shared pages: " + path);
  }

  /** The sample page's neighbourhood: its top five visitors. */
  @Override
  public List<String> whereLives(ViewSample sample) {
    List<String> lines = new ArrayList<>();
    lines.add("  where it lives: the neighbourhood of " + sample.page() + " (top 5 visitors):");
    neighbourhood(sample.page(), 5)
        .forEach(
            n ->
                lines.add(
                    String.format("    (%s %s) -[:VISITED %d]-", n.label(), n.name(), n.count())));
    return lines;
  }

  private String otherVisitor(String page, String user) {
    return neighbourhood(page, 10).stream()
        .map(Neighbour::name)
        .filter(name -> !name.equals(user))
        .reduce((a, b) -> b)
        .orElse(user);
  }

  /** Visits and total duration of every page, summed over its VISITED relationships. */
  @Override
  public Map<String, PageTotals> totalsByPage() {
    Map<String, PageTotals> totals = new LinkedHashMap<>();
    for (Record r : read(PAGE_TOTALS, Map.of())) {
      String page = r.get("page").asString();
      totals.put(
          page, new PageTotals(page, r.get("visits").asLong(), r.get("durationMs").asLong()));
    }
    return totals;
  }

  /** The count of every (user, page) pair, keyed by {@code List.of(user, page)}. */
  public Map<List<String>, Long> visitCounts() {
    Map<List<String>, Long> counts = new LinkedHashMap<>();
    for (Record r : read(VISIT_COUNTS, Map.of())) {
      counts.put(
          List.of(r.get("user").asString(), r.get("page").asString()), r.get("count").asLong());
    }
    return counts;
  }

  /** A user's most visited pages. */
  public List<PageVisits> topPagesOfUser(String user, int limit) {
    return read(TOP_PAGES_OF_USER, Map.of("user", user, "limit", limit)).stream()
        .map(
            r ->
                new PageVisits(
                    r.get("page").asString(),
                    r.get("count").asLong(),
                    r.get("durationMs").asLong()))
        .toList();
  }

  /** The users who visited both pages. */
  public List<String> usersWhoVisitedBoth(String first, String second) {
    return read(USERS_WHO_VISITED_BOTH, Map.of("first", first, "second", second)).stream()
        .map(r -> r.get("user").asString())
        .toList();
  }

  /**
   * The shortest chain user, page, user, ... linking two users through shared pages (at most 10
   * hops); empty when there is none.
   */
  public List<String> shortestPath(String fromUser, String toUser) {
    List<Record> rows = read(SHORTEST_PATH, Map.of("from", fromUser, "to", toUser));
    return rows.isEmpty() ? List.of() : rows.get(0).get("names").asList(Value::asString);
  }

  /** Where a user or page sits in the graph: its nearest neighbours by visit count. */
  public List<Neighbour> neighbourhood(String name, int limit) {
    return read(NEIGHBOURHOOD, Map.of("name", name, "limit", limit)).stream()
        .map(
            r ->
                new Neighbour(
                    r.get("label").asString(), r.get("name").asString(), r.get("count").asLong()))
        .toList();
  }

  private List<Record> read(String query, Map<String, Object> params) {
    try (var s = driver.session(session)) {
      return s.executeRead(tx -> tx.run(query, params).list());
    }
  }
}
