package dev.pageevents.neo4j;

import dev.pageevents.core.sink.RetryPolicy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.connect.errors.ConnectException;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.TransientException;

/**
 * The uniqueness constraints, created before the first batch: they make {@code MERGE} safe between
 * concurrent tasks and back the lookups of every batch with an index. Tasks starting together may
 * deadlock on the schema lock; that transient error is retried with backoff.
 */
final class Neo4jSchema {
  static final List<String> CONSTRAINTS =
      List.of(
          "CREATE CONSTRAINT pageevents_user_id IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE",
          "CREATE CONSTRAINT pageevents_page_name IF NOT EXISTS"
              + " FOR (p:Page) REQUIRE p.name IS UNIQUE",
          "CREATE CONSTRAINT pageevents_kafka_offset IF NOT EXISTS"
              + " FOR (o:KafkaOffset) REQUIRE (o.topic, o.partition) IS UNIQUE");
  private static final int CLEAR_BATCH = 10_000;
  private static final RetryPolicy RETRY = new RetryPolicy(10, 100, 2_000);

  private Neo4jSchema() {}

  static void ensure(Driver driver, String database) {
    try (Session session = driver.session(SessionConfig.forDatabase(database))) {
      for (String constraint : CONSTRAINTS) {
        create(session, constraint);
      }
    }
  }

  /**
   * Deletes the sink's graph: every {@code :User}, {@code :Page} and {@code :KafkaOffset} node with
   * its relationships, in transactions of at most {@value #CLEAR_BATCH} nodes so a large graph
   * never needs one huge transaction. The constraints stay.
   */
  static void clear(Driver driver, String database) {
    try (Session session = driver.session(SessionConfig.forDatabase(database))) {
      for (String label : List.of("User", "Page", "KafkaOffset")) {
        long deleted;
        do {
          deleted =
              session.executeWrite(
                  tx ->
                      tx.run(
                              "MATCH (n:"
                                  + label
                                  + ") WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS n",
                              Map.of("batch", CLEAR_BATCH))
                          .single()
                          .get("n")
                          .asLong());
        } while (deleted > 0);
      }
    }
  }

  private static void create(Session session, String constraint) {
    for (int retry = 0; ; retry++) {
      try {
        session.run(constraint).consume();
        return;
      } catch (TransientException e) {
        if (retry >= RETRY.maxRetries()) {
          throw e;
        }
        pause(RETRY.backoffMs(retry, ThreadLocalRandom.current()::nextDouble));
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectException("Interrupted while creating the Neo4j constraints", e);
    }
  }
}
