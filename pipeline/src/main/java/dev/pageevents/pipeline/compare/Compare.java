package dev.pageevents.pipeline.compare;

import dev.pageevents.core.view.GroundTruth;
import dev.pageevents.core.view.PageTotals;
import dev.pageevents.core.view.StoreView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cross-store comparison, read-only: the topic's ground truth against each store, every store
 * read through its sink's view opened with that sink's connector config (with the connection
 * settings overridden for where the stores are now).
 */
public final class Compare implements AutoCloseable {
  private final String bootstrapServers;
  private final String topic;
  private final List<StoreView> views;

  private Compare(String bootstrapServers, String topic, List<StoreView> views) {
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
    this.views = views;
  }

  /**
   * Opens one view per sink connector config (the others, such as the source, are skipped).
   *
   * @param connectorConfigs connector name to config, e.g. the connect-configs directory
   * @param endpoints where each store is now; a store without one keeps its config's settings
   */
  public static Compare open(
      String bootstrapServers,
      String topic,
      Map<String, Map<String, String>> connectorConfigs,
      Map<Store, String> endpoints) {
    Map<Store, Map<String, String>> byStore = new EnumMap<>(Store.class);
    connectorConfigs.values().forEach(c -> Store.of(c).ifPresent(s -> byStore.put(s, c)));
    List<StoreView> views = new ArrayList<>();
    try {
      byStore.forEach(
          (store, config) -> views.add(store.open(withEndpoint(store, config, endpoints))));
    } catch (RuntimeException e) {
      views.forEach(StoreView::close);
      throw e;
    }
    return new Compare(bootstrapServers, topic, views);
  }

  /** The config with the store's connection settings pointed at its endpoint, if one is given. */
  public static Map<String, String> withEndpoint(
      Store store, Map<String, String> config, Map<Store, String> endpoints) {
    Map<String, String> copy = new HashMap<>(config);
    String endpoint = endpoints.get(store);
    if (endpoint != null) {
      copy.putAll(store.connection(endpoint));
    }
    return copy;
  }

  /** Reads the topic and every store now. */
  public Comparison run() {
    GroundTruth truth = TopicTruth.read(bootstrapServers, topic, Duration.ofMinutes(2));
    Map<String, Map<String, PageTotals>> byStore = new LinkedHashMap<>();
    for (StoreView view : views) {
      byStore.put(view.storeName(), view.totalsByPage());
    }
    return Comparison.of(topic, truth.events(), truth.poison(), truth.pages(), byStore);
  }

  @Override
  public void close() {
    views.forEach(StoreView::close);
  }
}
