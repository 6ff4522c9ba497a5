package dev.pageevents.neo4j;

import dev.pageevents.core.sink.PageEventSinkTask;
import dev.pageevents.core.sink.StoreWriter;
import java.util.Map;

/** The Neo4j sink's task: a {@link Neo4jWriter} behind the shared write pipeline. */
public final class Neo4jSinkTask extends PageEventSinkTask<Neo4jSinkConfig> {

  @Override
  protected Neo4jSinkConfig parseConfig(Map<String, String> props) {
    return new Neo4jSinkConfig(props);
  }

  @Override
  protected StoreWriter createWriter(Neo4jSinkConfig config) {
    return new Neo4jWriter(Neo4jDrivers.create(config), config.database(), config.nextEnabled());
  }
}
