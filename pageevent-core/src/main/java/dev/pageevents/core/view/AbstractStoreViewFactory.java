package dev.pageevents.core.view;

import java.util.Map;
import java.util.function.Function;

/**
 * A {@link StoreViewFactory} from a sink connector class, the store's name and how to open its
 * view; a sink's factory adds only how an endpoint maps to its connection keys.
 */
public abstract class AbstractStoreViewFactory implements StoreViewFactory {
  private final String connectorClass;
  private final String storeName;
  private final Function<Map<String, String>, ? extends StoreView> opener;
  private final Function<String, Map<String, String>> connection;

  protected AbstractStoreViewFactory(
      Class<?> connectorClass,
      String storeName,
      Function<Map<String, String>, ? extends StoreView> opener,
      Function<String, Map<String, String>> connection) {
    this.connectorClass = connectorClass.getName();
    this.storeName = storeName;
    this.opener = opener;
    this.connection = connection;
  }

  @Override
  public final String connectorClass() {
    return connectorClass;
  }

  @Override
  public final String storeName() {
    return storeName;
  }

  @Override
  public final StoreView open(Map<String, String> connectorConfig) {
    return opener.apply(connectorConfig);
  }

  @Override
  public final Map<String, String> connection(String endpoint) {
    return connection.apply(endpoint);
  }
}
