package dev.pageevents.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.ElasticsearchTransport;
import dev.pageevents.core.config.Reachability;
import dev.pageevents.core.sink.PageEventSinkConnector;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** Sink connector indexing page events into Elasticsearch for full-text search. */
public final class ElasticsearchSinkConnector
    extends PageEventSinkConnector<ElasticsearchSinkConfig> {
  /** How long {@link #validate} waits for the cluster before it reports it unreachable. */
  static final int VALIDATE_TIMEOUT_MS = 5_000;

  public ElasticsearchSinkConnector() {
    super(
        ElasticsearchSinkConfig.CONFIG_DEF,
        ElasticsearchSinkTask.class,
        ElasticsearchSinkConfig::new);
  }

  /** Deletes every index of the connector's {@code index.pattern}. */
  @Override
  protected void clearReadModel(ElasticsearchSinkConfig config) throws IOException {
    try (ElasticsearchTransport transport = ElasticsearchClients.transport(config)) {
      ElasticsearchSchema.deleteIndices(new ElasticsearchClient(transport), config.indexPattern());
    }
  }

  /** Asks for the cluster's health, with short timeouts. */
  @Override
  protected void probe(ElasticsearchSinkConfig config, Map<String, String> props)
      throws IOException {
    Map<String, String> quick = new HashMap<>(props);
    quick.put(
        ElasticsearchSinkConfig.CONNECT_TIMEOUT_CONFIG, Integer.toString(VALIDATE_TIMEOUT_MS));
    quick.put(ElasticsearchSinkConfig.READ_TIMEOUT_CONFIG, Integer.toString(VALIDATE_TIMEOUT_MS));
    try (ElasticsearchTransport transport =
        ElasticsearchClients.transport(new ElasticsearchSinkConfig(quick))) {
      new ElasticsearchClient(transport).cluster().health();
    }
  }

  @Override
  protected Reachability.Failure diagnose(ElasticsearchSinkConfig config, Exception e) {
    return new Reachability.Failure(
        ElasticsearchSinkConfig.URLS_CONFIG,
        "Cannot reach Elasticsearch at "
            + List.copyOf(config.urls())
            + " (check the URLs, credentials and TLS settings): "
            + (e instanceof ConfigException ? e.getMessage() : e.toString()));
  }
}
