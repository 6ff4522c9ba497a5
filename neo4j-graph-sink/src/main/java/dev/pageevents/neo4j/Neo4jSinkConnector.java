package dev.pageevents.neo4j;

import dev.pageevents.core.config.PageEventSinkConfig;
import dev.pageevents.core.config.Reachability;
import dev.pageevents.core.sink.PageEventSinkConnector;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.neo4j.driver.Driver;

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

  /** Adds a reachability and credentials check to the per-field validation. */
  @Override
  public Config validate(Map<String, String> props) {
    return Reachability.check(
        super.validate(props),
        Neo4jSinkConfig.URI_CONFIG,
        "URI, user, password, encryption",
        () -> {
          try (Driver driver = Neo4jDrivers.create(new Neo4jSinkConfig(props))) {
            driver.verifyConnectivity();
          }
        });
  }
}
