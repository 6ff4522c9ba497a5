package dev.pageevents.benchmarks.sink;

import dev.pageevents.core.event.PageEvent;
import dev.pageevents.stack.Neo4jServer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * Neo4j 5.26.30 (embedded-stack, own JVM): each event adds to a {@code (:User)-[:VISITED]->(:Page)}
 * relationship's count and duration sum; the native baseline runs one {@code UNWIND $rows MERGE}
 * transaction per 1,000 events (one row per event) with the driver. NEXT transitions are off in
 * both (the sample config's default).
 */
public final class Neo4jTarget implements SinkTarget {
  private static final int BATCH = 1000;
  private static final String MERGE =
      """
      UNWIND $rows AS row
      MERGE (u:User {id: row.user})
      MERGE (p:Page {name: row.page})
      MERGE (u)-[v:VISITED]->(p)
        ON CREATE SET v.count = 0, v.totalDurationMs = 0,
          v.firstAt = datetime({epochMillis: row.ts}), v.lastAt = datetime({epochMillis: row.ts})
      WITH v, row, datetime({epochMillis: row.ts}) AS at
      SET v.count = v.count + 1,
        v.totalDurationMs = v.totalDurationMs + row.durationMs,
        v.firstAt = CASE WHEN at < v.firstAt THEN at ELSE v.firstAt END,
        v.lastAt = CASE WHEN at > v.lastAt THEN at ELSE v.lastAt END""";

  private Neo4jServer server;
  private Driver driver;

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
    return System.getProperty("bench.neo4j.pagecache", "64m");
  }

  @Override
  public void start() {
    server = Neo4jServer.create("bench-neo4j").memory(heap(), pageCache());
    server.start();
    driver = GraphDatabase.driver(server.endpoint(), AuthTokens.none());
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
      // the sink's uniqueness constraints (identical statements: a no-op once it created them)
      for (String constraint :
          List.of(
              "CREATE CONSTRAINT pageevents_user_id IF NOT EXISTS"
                  + " FOR (u:User) REQUIRE u.id IS UNIQUE",
              "CREATE CONSTRAINT pageevents_page_name IF NOT EXISTS"
                  + " FOR (p:Page) REQUIRE p.name IS UNIQUE")) {
        session.run(constraint).consume();
      }
      for (int from = 0; from < events.size(); from += BATCH) {
        List<Map<String, Object>> rows = new ArrayList<>(BATCH);
        for (PageEvent event : events.subList(from, Math.min(events.size(), from + BATCH))) {
          rows.add(
              Map.of(
                  "user", event.user(),
                  "page", event.page(),
                  "ts", event.timestampMs(),
                  "durationMs", event.durationMs()));
        }
        session.executeWrite(tx -> tx.run(MERGE, Map.of("rows", rows)).consume());
      }
    }
  }

  @Override
  public String nativeMethod() {
    return "neo4j-java-driver 5.28 UNWIND $rows MERGE User/Page/VISITED, 1,000 events per"
        + " transaction";
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
    return "Neo4j 5.26.30 community, -Xmx512m, pagecache 64m (embedded-stack)";
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
