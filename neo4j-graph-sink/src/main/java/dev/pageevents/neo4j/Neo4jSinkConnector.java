package dev.pageevents.neo4j;

import dev.pageevents.core.config.Reachability;
import dev.pageevents.core.sink.PageEventSinkConnector;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.AuthenticationException;

/**
 * Sink connector that builds a user-page visit graph in Neo4j, exact under redelivery (see the
 * module README for the graph model and queries).
 */
public final class Neo4jSinkConnector extends PageEventSinkConnector<Neo4jSinkConfig> {

  public Neo4jSinkConnector() {
    super(Neo4jSinkConfig.CONFIG_DEF, Neo4jSinkTask.class, Neo4jSinkConfig::new);
  }

  /** Deletes the sink's users, pages, their relationships and its stored offsets. */
  @Override
  protected void clearReadModel(Neo4jSinkConfig config) {
    try (Driver driver = Neo4jDrivers.create(config)) {
      Neo4jSchema.clear(driver, config.database());
    }
  }

  /** Checks reachability and credentials. */
  @Override
  protected void probe(Neo4jSinkConfig config, Map<String, String> props) {
    try (Driver driver = Neo4jDrivers.create(config)) {
      driver.verifyConnectivity();
    }
  }

  /** Refused credentials are reported on neo4j.password, anything else on neo4j.uri. */
  @Override
  protected Reachability.Failure diagnose(Neo4jSinkConfig config, Exception e) {
    return Reachability.Failure.credentialsOrAddress(
        e instanceof AuthenticationException,
        "Neo4j",
        Neo4jSinkConfig.USER_CONFIG,
        Neo4jSinkConfig.PASSWORD_CONFIG,
        Neo4jSinkConfig.URI_CONFIG,
        "URI, encryption, trust",
        e.getMessage());
  }
}
