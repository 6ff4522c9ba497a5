package dev.pageevents.neo4j;

import dev.pageevents.core.sink.PageEventSinkTask;
import dev.pageevents.core.sink.StoreWriter;

/** The Neo4j sink's task: a {@link Neo4jWriter} behind the shared write pipeline. */
public final class Neo4jSinkTask extends PageEventSinkTask<Neo4jSinkConfig> {

  public Neo4jSinkTask() {
    super(Neo4jSinkConfig::new);
  }

  @Override
  protected StoreWriter createWriter(Neo4jSinkConfig config) {
    return new Neo4jWriter(Neo4jDrivers.create(config), config.database(), config.nextEnabled());
  }
}
