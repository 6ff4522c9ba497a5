package dev.pageevents.mongo;

import com.mongodb.client.MongoClient;
import dev.pageevents.core.config.PageEventSinkConfig;
import dev.pageevents.core.config.Reachability;
import dev.pageevents.core.sink.PageEventSinkConnector;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.bson.Document;

/** Sink connector writing page events to MongoDB, one document per event. */
public final class MongoSinkConnector extends PageEventSinkConnector {
  /** How long {@link #validate} waits for MongoDB before it reports the URI unreachable. */
  static final int VALIDATE_TIMEOUT_MS = 5_000;

  @Override
  protected PageEventSinkConfig parseConfig(Map<String, String> props) {
    return new MongoSinkConfig(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return MongoSinkTask.class;
  }

  @Override
  public ConfigDef config() {
    return MongoSinkConfig.CONFIG_DEF;
  }

  /**
   * Deletes every document of the connector's collection; the collection keeps its indexes, shard
   * key and time-series options.
   */
  @Override
  protected void clearReadModel(Map<String, String> props) {
    MongoSinkConfig config = new MongoSinkConfig(props);
    try (MongoClient client = MongoWriter.createClient(config)) {
      client
          .getDatabase(config.database())
          .getCollection(config.collection())
          .deleteMany(new Document());
    }
  }

  /** Adds a reachability check: can we connect and ping the database with these settings? */
  @Override
  public Config validate(Map<String, String> connectorConfigs) {
    return Reachability.check(
        super.validate(connectorConfigs),
        () -> {
          Map<String, String> quick = new HashMap<>(connectorConfigs);
          quick.put(
              MongoSinkConfig.SERVER_SELECTION_TIMEOUT_CONFIG,
              Integer.toString(VALIDATE_TIMEOUT_MS));
          MongoSinkConfig config = new MongoSinkConfig(quick);
          try (MongoClient client = MongoWriter.createClient(config)) {
            client.getDatabase(config.database()).runCommand(new Document("ping", 1));
          }
        },
        e ->
            new Reachability.Failure(
                MongoSinkConfig.CONNECTION_URI_CONFIG,
                "Cannot reach MongoDB with "
                    + MongoSinkConfig.CONNECTION_URI_CONFIG
                    + " (check host, port, credentials and TLS options): "
                    + e.getMessage()));
  }
}
