package dev.pageevents.benchmarks.sink;

import dev.pageevents.core.event.PageEvent;
import dev.pageevents.stack.Neo4jServer;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.summary.ProfiledPlan;

/**
 * Neo4j 5.26.30 (embedded-stack, own JVM): each event adds to a {@code (:User)-[:VISITED]->(:Page)}
 * relationship's count and duration sum and widens its first/last time. The native baseline is the
 * fastest way measured to get that graph: events summed per (user, page) in Java, times passed as
 * driver {@code DATETIME} values (no conversion in Cypher), one {@code UNWIND $rows MERGE ... ON
 * CREATE / ON MATCH} transaction per {@code bench.neo4j.native.batch} events (default 1,000), no
 * offset nodes. NEXT transitions are off in both (the sample config's default).
 */
public final class Neo4jTarget implements SinkTarget {
  private static final int BATCH = Integer.getInteger("bench.neo4j.native.batch", 1000);
  private static final String MERGE =
      """
      UNWIND $rows AS row
      MERGE (u:User {id: row.user})
      MERGE (p:Page {name: row.page})
      MERGE (u)-[v:VISITED]->(p)
        ON CREATE SET v.count = row.count, v.totalDurationMs = row.durationMs,
          v.firstAt = row.firstAt, v.lastAt = row.lastAt
        ON MATCH SET v.count = v.count + row.count,
          v.totalDurationMs = v.totalDurationMs + row.durationMs,
          v.firstAt = CASE WHEN row.firstAt < v.firstAt THEN row.firstAt ELSE v.firstAt END,
          v.lastAt = CASE WHEN row.lastAt > v.lastAt THEN row.lastAt ELSE v.lastAt END""";

  private Neo4jServer server;
  private Driver driver;
  private boolean constrained;

  @Override
  public String name() {
    return "neo4j";
  }

  @Override
  public String archive() {
    return "neo4j-graph-sink";
  }

  @Override
  public String sampleConfig() {
    return "neo4j-graph-sink.json";
  }

  /** The server's memory as the report prints it, e.g. "Neo4j heap 512m, page cache 64m". */
  public static String memory() {
    return "Neo4j heap " + heap() + ", page cache " + pageCache();
  }

  private static String heap() {
    return System.getProperty("bench.neo4j.heap", "512m");
  }

  private static String pageCache() {
    return System.getProperty("bench.neo4j.pagecache", "256m");
  }

  @Override
  public void start() {
    server = Neo4jServer.create("bench-neo4j").memory(heap(), pageCache());
    server.start();
    driver = GraphDatabase.driver(server.endpoint(), AuthTokens.none());
  }

  /** The Neo4j server's process id (its CPU time is the cost of each write). */
  public long serverPid() {
    return server.pid();
  }

  /**
   * Stops the server (a clean shutdown checkpoints every page to the store files) and returns the
   * store files' size: what the page cache must hold.
   */
  public long stopAndMeasureStore() {
    driver.close();
    driver = null;
    server.stop();
    return server.storeBytes();
  }

  @Override
  public InetSocketAddress address() {
    return SinkTarget.addressOf(server.endpoint());
  }

  @Override
  public Map<String, String> connection(InetSocketAddress address) {
    return Map.of(
        "neo4j.uri", "bolt://" + SinkTarget.hostPort(address), "neo4j.password", "unused");
  }

  /** Deletes relationships, then nodes (offset nodes too), in bounded transactions. */
  @Override
  public void reset() {
    try (Session session = driver.session()) {
      for (String delete :
          List.of(
              "MATCH ()-[v]->() WITH v LIMIT 50000 DELETE v RETURN count(*) AS n",
              "MATCH (n) WITH n LIMIT 50000 DETACH DELETE n RETURN count(*) AS n")) {
        while (session.executeWrite(tx -> tx.run(delete).single().get("n").asLong()) > 0) {
          // next slice
        }
      }
    }
  }

  @Override
  public void writeNative(List<PageEvent> events) {
    try (Session session = driver.session()) {
      // the uniqueness MERGE needs to find nodes by index; IF NOT EXISTS makes each a no-op when
      // any uniqueness constraint on the same label and property exists (e.g. the sink's own);
      // once per target (reset keeps the schema), not per batch of a consumer loop
      if (!constrained) {
        for (String constraint :
            List.of(
                "CREATE CONSTRAINT IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE",
                "CREATE CONSTRAINT IF NOT EXISTS FOR (p:Page) REQUIRE p.name IS UNIQUE")) {
          session.run(constraint).consume();
        }
        constrained = true;
      }
      for (int from = 0; from < events.size(); from += BATCH) {
        List<Map<String, Object>> rows =
            rows(events.subList(from, Math.min(events.size(), from + BATCH)));
        session.executeWrite(tx -> tx.run(MERGE, Map.of("rows", rows)).consume());
      }
    }
  }

  /**
   * Runs the native statement on {@code batch} under {@code PROFILE} in a transaction that is
   * rolled back (the store does not change): its database hits per row and the operators with
   * theirs.
   */
  public String profileNative(List<PageEvent> batch) {
    List<Map<String, Object>> rows = rows(batch);
    try (Session session = driver.session();
        Transaction tx = session.beginTransaction()) {
      ProfiledPlan plan = tx.run("PROFILE " + MERGE, Map.of("rows", rows)).consume().profile();
      tx.rollback();
      return String.format(
          "%.1f db hits per row (%,d rows): %s",
          dbHits(plan) / (double) rows.size(), rows.size(), operators(plan));
    }
  }

  private static long dbHits(ProfiledPlan plan) {
    return plan.dbHits() + plan.children().stream().mapToLong(Neo4jTarget::dbHits).sum();
  }

  private static String operators(ProfiledPlan plan) {
    String own = plan.operatorType().replace("@neo4j", "") + " " + plan.dbHits();
    return plan.children().isEmpty()
        ? own
        : own
            + " < "
            + String.join(" | ", plan.children().stream().map(Neo4jTarget::operators).toList());
  }

  /** One row per (user, page): count, duration sum, first and last time as UTC datetimes. */
  private static List<Map<String, Object>> rows(List<PageEvent> events) {
    return events.stream()
        .collect(Collectors.toMap(e -> List.of(e.user(), e.page()), Visits::of, Visits::plus))
        .values()
        .stream()
        .map(Visits::row)
        .toList();
  }

  /** The visits of one user to one page within a batch. */
  private record Visits(
      String user, String page, long count, long durationMs, long firstMs, long lastMs) {
    static Visits of(PageEvent event) {
      return new Visits(
          event.user(),
          event.page(),
          1,
          event.durationMs(),
          event.timestampMs(),
          event.timestampMs());
    }

    Visits plus(Visits other) {
      return new Visits(
          user,
          page,
          count + other.count,
          durationMs + other.durationMs,
          Math.min(firstMs, other.firstMs),
          Math.max(lastMs, other.lastMs));
    }

    Map<String, Object> row() {
      return Map.of(
          "user", user,
          "page", page,
          "count", count,
          "durationMs", durationMs,
          "firstAt", utc(firstMs),
          "lastAt", utc(lastMs));
    }

    private static ZonedDateTime utc(long epochMillis) {
      return Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC);
    }
  }

  @Override
  public String nativeMethod() {
    return "neo4j-java-driver 5.28 UNWIND $rows MERGE User/Page/VISITED ON CREATE/ON MATCH, rows"
        + " summed per (user, page), DATETIME parameters, "
        + BATCH
        + " events per transaction";
  }

  /** VISITED counts summed. */
  @Override
  public long written() {
    try (Session session = driver.session()) {
      return session
          .run("MATCH ()-[v:VISITED]->() RETURN coalesce(sum(v.count), 0) AS n")
          .single()
          .get("n")
          .asLong();
    }
  }

  @Override
  public String server() {
    return "Neo4j 5.26.30 community, " + memory() + " (embedded-stack)";
  }

  @Override
  public void close() {
    if (driver != null) {
      driver.close();
    }
    if (server != null) {
      server.close();
    }
  }
}
