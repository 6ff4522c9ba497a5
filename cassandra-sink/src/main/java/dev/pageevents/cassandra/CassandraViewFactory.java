package dev.pageevents.cassandra;

import dev.pageevents.core.view.AbstractStoreViewFactory;
import java.util.Map;

/**
 * Opens {@link CassandraView} for the pipeline, found through {@code META-INF/services}; the
 * endpoint is {@code host:port[,host:port...]}.
 */
public final class CassandraViewFactory extends AbstractStoreViewFactory {
  public CassandraViewFactory() {
    super(
        CassandraSinkConnector.class,
        CassandraView.STORE_NAME,
        CassandraView::open,
        endpoint -> Map.of(CassandraSinkConfig.HOSTS_CONFIG, endpoint));
  }
}
