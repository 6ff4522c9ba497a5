package dev.pageevents.elasticsearch;

import dev.pageevents.core.view.AbstractStoreViewFactory;
import java.util.Map;

/**
 * Opens {@link ElasticsearchView} for the pipeline, found through {@code META-INF/services}; the
 * endpoint is {@code http://host:port[,http://host:port...]}.
 */
public final class ElasticsearchViewFactory extends AbstractStoreViewFactory {
  public ElasticsearchViewFactory() {
    super(
        ElasticsearchSinkConnector.class,
        ElasticsearchView.STORE_NAME,
        ElasticsearchView::open,
        endpoint -> Map.of(ElasticsearchSinkConfig.URLS_CONFIG, endpoint));
  }
}
