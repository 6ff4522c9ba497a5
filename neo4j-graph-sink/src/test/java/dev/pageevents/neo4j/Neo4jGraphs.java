package dev.pageevents.neo4j;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/** Test helper: empties the graph between scenarios. */
final class Neo4jGraphs {
  private Neo4jGraphs() {}

  static void clear(Driver driver) {
    try (Session session = driver.session()) {
      session.run("MATCH (n) DETACH DELETE n").consume();
    }
  }
}
