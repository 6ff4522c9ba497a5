package dev.pageevents.neo4j;

import java.util.List;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * The uniqueness constraints created at start: they make {@code MERGE} safe between concurrent
 * tasks and back the lookups of every batch with an index.
 */
final class Neo4jSchema {
  static final List<String> CONSTRAINTS =
      List.of(
          "CREATE CONSTRAINT pageevents_user_id IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE",
          "CREATE CONSTRAINT pageevents_page_name IF NOT EXISTS"
              + " FOR (p:Page) REQUIRE p.name IS UNIQUE",
          "CREATE CONSTRAINT pageevents_kafka_offset IF NOT EXISTS"
              + " FOR (o:KafkaOffset) REQUIRE (o.topic, o.partition) IS UNIQUE");

  private Neo4jSchema() {}

  static void ensure(Driver driver, String database) {
    try (Session session = driver.session(SessionConfig.forDatabase(database))) {
      for (String constraint : CONSTRAINTS) {
        session.run(constraint).consume();
      }
    }
  }
}
