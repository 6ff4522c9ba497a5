package dev.pageevents.core.view;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds the view factory of a sink connector among those on the class path. */
public final class StoreViews {
  private StoreViews() {}

  /** The factory for the sink a connector config runs, by its {@code connector.class}. */
  public static Optional<StoreViewFactory> forConfig(Map<String, String> connectorConfig) {
    return forConnector(connectorConfig.get("connector.class"));
  }

  /** The factory whose {@link StoreViewFactory#connectorClass()} is {@code connectorClass}. */
  public static Optional<StoreViewFactory> forConnector(String connectorClass) {
    return ServiceLoader.load(StoreViewFactory.class, StoreViews.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::get)
        .filter(f -> f.connectorClass().equals(connectorClass))
        .findFirst();
  }
}
