package dev.pageevents.redis;

import dev.pageevents.core.view.AbstractStoreViewFactory;
import java.net.URI;
import java.util.Map;

/** Opens {@link RedisView} for the pipeline, found through {@code META-INF/services}. */
public final class RedisViewFactory extends AbstractStoreViewFactory {
  public RedisViewFactory() {
    super(
        RedisSinkConnector.class,
        RedisView.STORE_NAME,
        RedisView::open,
        RedisViewFactory::endpointKeys);
  }

  @Override
  public boolean keepsTimeBuckets() {
    return true;
  }

  /** {@code redis://host:port} (standalone) or {@code host:port,host:port} (Cluster). */
  private static Map<String, String> endpointKeys(String endpoint) {
    if (endpoint.startsWith("redis://")) {
      URI uri = URI.create(endpoint);
      return Map.of(
          RedisSinkConfig.MODE_CONFIG,
          "standalone",
          RedisSinkConfig.HOSTS_CONFIG,
          uri.getHost() + ":" + uri.getPort());
    }
    return Map.of(RedisSinkConfig.MODE_CONFIG, "cluster", RedisSinkConfig.HOSTS_CONFIG, endpoint);
  }
}
