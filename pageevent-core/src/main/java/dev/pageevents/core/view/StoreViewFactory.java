package dev.pageevents.core.view;

import java.util.Map;

/**
 * Opens one sink's {@link StoreView}, found with {@link java.util.ServiceLoader} through {@link
 * StoreViews}: each sink module lists its factory in {@code
 * META-INF/services/dev.pageevents.core.view.StoreViewFactory}.
 */
public interface StoreViewFactory {
  /** The sink connector class whose store this view reads. */
  String connectorClass();

  /** The store's name, as {@link StoreView#storeName()} gives it. */
  String storeName();

  /**
   * Whether the views it opens offer {@link StoreView#timeBuckets()}, so a caller can pick that
   * store without connecting to every store first.
   */
  default boolean keepsTimeBuckets() {
    return false;
  }

  /** Opens the view with the sink's connector config (the same keys as the sink). */
  StoreView open(Map<String, String> connectorConfig);

  /**
   * The connector config keys (and values) that point the sink and its view at {@code endpoint},
   * the way a person names where the store runs (a URI, or {@code host:port[,host:port...]}).
   */
  Map<String, String> connection(String endpoint);
}
