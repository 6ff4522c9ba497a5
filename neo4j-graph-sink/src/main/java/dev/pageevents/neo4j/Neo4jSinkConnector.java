package dev.pageevents.neo4j;

import dev.pageevents.core.config.PageEventSinkConfig;
import dev.pageevents.core.config.Reachability;
import dev.pageevents.core.sink.PageEventSinkConnector;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.AuthenticationException;

/**
 * Sink connector that builds a user-page visit graph in Neo4j, exact under redelivery (see the
 * module README for the graph model and queries).
 */
public final class Neo4jSinkConnector extends PageEventSinkConnector {

  @Override
  protected PageEventSinkConfig parseConfig(Map<String, String> props) {
    return new Neo4jSinkConfig(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return Neo4jSinkTask.class;
  }

  @Override
  public ConfigDef config() {
    return Neo4jSinkConfig.CONFIG_DEF;
  }

  /** Deletes the sink's users, pages, their relationships and its stored offsets. */
  @Override
  protected void clearReadModel(Map<String, String> props) {
    Neo4jSinkConfig config = new Neo4jSinkConfig(props);
    try (Driver driver = Neo4jDrivers.create(config)) {
      Neo4jSchema.clear(driver, config.database());
    }
  }

  /**
   * Adds a reachability and credentials check to the per-field validation: refused credentials are
   * reported on neo4j.password, anything else on neo4j.uri.
   */
  @Override
  public Config validate(Map<String, String> props) {
    return Reachability.check(
        super.validate(props),
        () -> {
          try (Driver driver = Neo4jDrivers.create(new Neo4jSinkConfig(props))) {
            driver.verifyConnectivity();
          }
        },
        Neo4jSinkConnector::diagnose);
  }

  private static Reachability.Failure diagnose(Exception e) {
    if (e instanceof AuthenticationException) {
      return new Reachability.Failure(
          Neo4jSinkConfig.PASSWORD_CONFIG,
          "Neo4j refused the credentials; check neo4j.user and neo4j.password: " + e.getMessage());
    }
    return new Reachability.Failure(
        Neo4jSinkConfig.URI_CONFIG,
        "Cannot reach Neo4j with these settings (URI, encryption, trust): " + e.getMessage());
  }
}
