package dev.pageevents.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

class Neo4jServerIT {

  @Test
  void shouldWriteAndReadBackThroughTheDriverAndKeepDataAcrossRestart() {
    StoreServer neo4j = SharedServers.neo4j();
    try (Driver driver = GraphDatabase.driver(neo4j.endpoint(), AuthTokens.none())) {
      driver
          .executableQuery("MERGE (p:Page {url: $url}) SET p.visits = $visits")
          .withParameters(Map.of("url", "/home", "visits", 7))
          .execute();
    }
    if (!neo4j.external()) {
      neo4j.stop();
      neo4j.start();
    }
    try (Driver driver = GraphDatabase.driver(neo4j.endpoint(), AuthTokens.none())) {
      long visits =
          driver
              .executableQuery("MATCH (p:Page {url: $url}) RETURN p.visits AS visits")
              .withParameters(Map.of("url", "/home"))
              .execute()
              .records()
              .get(0)
              .get("visits")
              .asLong();
      assertThat(visits).isEqualTo(7);
    }
  }
}
