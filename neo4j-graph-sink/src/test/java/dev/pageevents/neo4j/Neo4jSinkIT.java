package dev.pageevents.neo4j;

import dev.pageevents.core.testing.ExactSinkContract;
import dev.pageevents.core.view.PageTotals;
import dev.pageevents.stack.KafkaConnectStack;
import dev.pageevents.stack.SharedServers;
import dev.pageevents.stack.StoreServer;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/** The Neo4j sink in a real Connect cluster against a real Neo4j server. */
class Neo4jSinkIT extends ExactSinkContract {
  private static StoreServer neo4j;
  private static KafkaConnectStack stack;
  private static Driver driver;

  @BeforeAll
  static void startServers() {
    neo4j = SharedServers.neo4j();
    neo4j.start();
    driver = GraphDatabase.driver(neo4j.endpoint(), AuthTokens.none());
    stack = KafkaConnectStack.builder().workers(2).build().start();
  }

  @AfterAll
  static void stopServers() {
    if (stack != null) {
      stack.close();
    }
    if (driver != null) {
      driver.close();
    }
  }

  @Override
  protected EmbeddedConnectCluster connect() {
    return stack.cluster();
  }

  @Override
  protected Map<String, String> storeConfig() {
    return Map.of(
        "connector.class",
        Neo4jSinkConnector.class.getName(),
        Neo4jSinkConfig.URI_CONFIG,
        neo4j.endpoint(),
        Neo4jSinkConfig.USER_CONFIG,
        "");
  }

  @Override
  protected void resetStore() {
    Neo4jGraphs.clear(driver);
  }

  @Override
  protected Map<String, PageTotals> storedPages() {
    return new Neo4jView(driver, "neo4j").totalsByPage();
  }

  @Override
  protected Map<List<String>, Long> storedVisits() {
    return new Neo4jView(driver, "neo4j").visitCounts();
  }

  @Override
  protected void stopStore() {
    neo4j.stop();
  }

  @Override
  protected void startStore() {
    neo4j.start();
  }
}
