package dev.pageevents.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.ElasticsearchTransport;
import dev.pageevents.core.config.PageEventSinkConfig;
import dev.pageevents.core.config.Reachability;
import dev.pageevents.core.sink.PageEventSinkConnector;
import dev.pageevents.core.sink.WritePipeline;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;

/** Sink connector indexing page events into Elasticsearch for full-text search. */
public final class ElasticsearchSinkConnector extends PageEventSinkConnector {
  /** How long {@link #validate} waits for the cluster before it reports it unreachable. */
  static final int VALIDATE_TIMEOUT_MS = 5_000;

  @Override
  protected PageEventSinkConfig parseConfig(Map<String, String> props) {
    return new ElasticsearchSinkConfig(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return ElasticsearchSinkTask.class;
  }

  @Override
  public ConfigDef config() {
    return ElasticsearchSinkConfig.CONFIG_DEF;
  }

  /** Deletes every index of the connector's {@code index.pattern}. */
  @Override
  protected void clearReadModel(Map<String, String> props) throws IOException {
    ElasticsearchSinkConfig config = new ElasticsearchSinkConfig(props);
    try (ElasticsearchTransport transport = ElasticsearchClients.transport(config)) {
      ElasticsearchSchema.deleteIndices(new ElasticsearchClient(transport), config.indexPattern());
    }
  }

  /** Adds cross-field checks (credentials, truststore) and a reachability check. */
  @Override
  public Config validate(Map<String, String> connectorConfigs) {
    Config result = super.validate(connectorConfigs);
    Map<String, ConfigValue> values = new HashMap<>();
    result.configValues().forEach(value -> values.put(value.name(), value));
    if (result.configValues().stream().anyMatch(v -> !v.errorMessages().isEmpty())) {
      return result;
    }
    ElasticsearchSinkConfig config = new ElasticsearchSinkConfig(connectorConfigs);
    if (!config.username().isEmpty() && !config.apiKey().isEmpty()) {
      values
          .get(ElasticsearchSinkConfig.API_KEY_CONFIG)
          .addErrorMessage(
              "Set either connection.username/password or connection.api.key, not both");
    }
    if (!config.username().isEmpty() && config.password().isEmpty()) {
      values
          .get(ElasticsearchSinkConfig.PASSWORD_CONFIG)
          .addErrorMessage("connection.username is set: set connection.password too");
    }
    if (config.truststorePath().isEmpty() && !config.truststorePassword().isEmpty()) {
      values
          .get(ElasticsearchSinkConfig.TRUSTSTORE_PATH_CONFIG)
          .addErrorMessage("connection.truststore.password is set: set the truststore path too");
    }
    if (config.bulkPlan().maxActions() > WritePipeline.Settings.from(config).batchSize()) {
      values
          .get(ElasticsearchSinkConfig.BULK_MAX_ACTIONS_CONFIG)
          .addErrorMessage("bulk.max.actions is larger than batch.size; it can never be reached");
    }
    return Reachability.check(
        result,
        () -> {
          Map<String, String> quick = new HashMap<>(connectorConfigs);
          quick.put(
              ElasticsearchSinkConfig.CONNECT_TIMEOUT_CONFIG,
              Integer.toString(VALIDATE_TIMEOUT_MS));
          quick.put(
              ElasticsearchSinkConfig.READ_TIMEOUT_CONFIG, Integer.toString(VALIDATE_TIMEOUT_MS));
          try (ElasticsearchTransport transport =
              ElasticsearchClients.transport(new ElasticsearchSinkConfig(quick))) {
            new ElasticsearchClient(transport).cluster().health();
          }
        },
        e ->
            new Reachability.Failure(
                ElasticsearchSinkConfig.URLS_CONFIG,
                "Cannot reach Elasticsearch at "
                    + List.copyOf(config.urls())
                    + " (check the URLs, credentials and TLS settings): "
                    + (e instanceof ConfigException ? e.getMessage() : e.toString())));
  }
}
