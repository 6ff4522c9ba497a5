package dev.pageevents.mongo;

import com.mongodb.client.MongoClient;
import dev.pageevents.core.config.Reachability;
import dev.pageevents.core.sink.PageEventSinkConnector;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;

/** Sink connector writing page events to MongoDB, one document per event. */
public final class MongoSinkConnector extends PageEventSinkConnector<MongoSinkConfig> {
  /** How long {@link #validate} waits for MongoDB before it reports the URI unreachable. */
  static final int VALIDATE_TIMEOUT_MS = 5_000;

  public MongoSinkConnector() {
    super(MongoSinkConfig.CONFIG_DEF, MongoSinkTask.class, MongoSinkConfig::new);
  }

  /**
   * Deletes every document of the connector's collection; the collection keeps its indexes, shard
   * key and time-series options.
   */
  @Override
  protected void clearReadModel(MongoSinkConfig config) {
    try (MongoClient client = MongoWriter.createClient(config)) {
      client
          .getDatabase(config.database())
          .getCollection(config.collection())
          .deleteMany(new Document());
    }
  }

  /** Can we connect and ping the database with these settings? */
  @Override
  protected void probe(MongoSinkConfig config, Map<String, String> props) {
    Map<String, String> quick = new HashMap<>(props);
    quick.put(
        MongoSinkConfig.SERVER_SELECTION_TIMEOUT_CONFIG, Integer.toString(VALIDATE_TIMEOUT_MS));
    MongoSinkConfig quickConfig = new MongoSinkConfig(quick);
    try (MongoClient client = MongoWriter.createClient(quickConfig)) {
      client.getDatabase(quickConfig.database()).runCommand(new Document("ping", 1));
    }
  }

  @Override
  protected Reachability.Failure diagnose(MongoSinkConfig config, Exception e) {
    return new Reachability.Failure(
        MongoSinkConfig.CONNECTION_URI_CONFIG,
        "Cannot reach MongoDB with "
            + MongoSinkConfig.CONNECTION_URI_CONFIG
            + " (check host, port, credentials and TLS options): "
            + e.getMessage());
  }
}
