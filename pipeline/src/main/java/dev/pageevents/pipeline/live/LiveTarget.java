package dev.pageevents.pipeline.live;

import dev.pageevents.pipeline.compare.Compare;
import dev.pageevents.pipeline.compare.Store;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The running stack the live view reads: Kafka, the Connect worker's REST URL, the connector
 * configs (each store's view is opened from its sink's config) and where the stores are now.
 *
 * @param bootstrapServers Kafka
 * @param topic the page-events topic
 * @param connectUrl the Connect worker's REST API, e.g. http://localhost:8083
 * @param configs connector name to config, as registered (the sinks' DLQ topics come from here)
 * @param endpoints where each store is; a store without one keeps its config's connection settings
 * @param compareEvery how often the (slow) cross-store comparison is recomputed
 */
public record LiveTarget(
    String bootstrapServers,
    String topic,
    String connectUrl,
    Map<String, Map<String, String>> configs,
    Map<Store, String> endpoints,
    Duration compareEvery) {
  public static final Duration DEFAULT_COMPARE_EVERY = Duration.ofSeconds(10);

  public LiveTarget {
    configs = Map.copyOf(configs);
    endpoints = endpoints.isEmpty() ? Map.of() : new EnumMap<>(endpoints);
  }

  /** The sink connectors' names, each with its store, in config order. */
  public Map<String, Store> sinks() {
    Map<String, Store> sinks = new LinkedHashMap<>();
    configs.keySet().stream()
        .sorted()
        .forEach(name -> Store.of(configs.get(name)).ifPresent(s -> sinks.put(name, s)));
    return sinks;
  }

  /** The config of the sink writing to {@code store}, pointed at its endpoint. */
  public Optional<Map<String, String>> storeConfig(Store store) {
    return configs.values().stream()
        .filter(c -> Store.of(c).orElse(null) == store)
        .findFirst()
        .map(c -> Compare.withEndpoint(store, c, endpoints));
  }

  /** The sinks' connector names, in order. */
  public List<String> sinkNames() {
    return List.copyOf(sinks().keySet());
  }
}
