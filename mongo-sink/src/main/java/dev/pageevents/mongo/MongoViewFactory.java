package dev.pageevents.mongo;

import dev.pageevents.core.view.AbstractStoreViewFactory;
import java.util.Map;

/**
 * Opens {@link MongoView} for the pipeline, found through {@code META-INF/services}; the endpoint
 * is a {@code mongodb://} connection string.
 */
public final class MongoViewFactory extends AbstractStoreViewFactory {
  public MongoViewFactory() {
    super(
        MongoSinkConnector.class,
        MongoView.STORE_NAME,
        MongoView::open,
        endpoint -> Map.of(MongoSinkConfig.CONNECTION_URI_CONFIG, endpoint));
  }
}
