package dev.pageevents.neo4j;

import dev.pageevents.core.view.AbstractStoreViewFactory;
import java.util.Map;

/**
 * Opens {@link Neo4jView} for the pipeline, found through {@code META-INF/services}; the endpoint
 * is a bolt URI; the embedded server (and an external one by NEO4J_URI) has no auth.
 */
public final class Neo4jViewFactory extends AbstractStoreViewFactory {
  public Neo4jViewFactory() {
    super(
        Neo4jSinkConnector.class,
        Neo4jView.STORE_NAME,
        Neo4jView::open,
        endpoint -> Map.of(Neo4jSinkConfig.URI_CONFIG, endpoint, Neo4jSinkConfig.USER_CONFIG, ""));
  }
}
