package dev.pageevents.benchmarks.sink;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Connector configs for the runs: each sink's sample config as shipped in its archive (etc/), with
 * the connection pointed at the benchmark's server, no dead letter queue, and the task count; and
 * mongo-kafka's idempotent configuration.
 */
public final class SinkConfigs {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path plugins;

  public SinkConfigs(Path plugins) {
    this.plugins = plugins;
  }

  public Map<String, String> ours(SinkTarget target, String topic, int tasks) throws IOException {
    return ours(target, topic, tasks, target.address());
  }

  /** Our sink's config connecting to {@code address}: the store's, or a proxy's in front of it. */
  public Map<String, String> ours(
      SinkTarget target, String topic, int tasks, InetSocketAddress address) throws IOException {
    Map<String, String> config =
        new LinkedHashMap<>(sample(target.archive(), target.sampleConfig()));
    config.keySet().removeIf(key -> key.startsWith("errors.deadletterqueue"));
    config.putAll(target.connection(address));
    config.put("topics", topic);
    config.put("tasks.max", Integer.toString(tasks));
    return config;
  }

  /**
   * A sample config {@code file} from the etc/ directory of the unpacked {@code archive}, without
   * its {@code name} (the runs register it under their own names).
   */
  public Map<String, String> sample(String archive, String file) throws IOException {
    try (Stream<Path> dirs = Files.list(plugins)) {
      Path path =
          dirs.filter(dir -> dir.getFileName().toString().startsWith(archive + "-"))
              .map(dir -> dir.resolve("etc").resolve(file))
              .filter(Files::exists)
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "No unpacked " + archive + " archive under " + plugins));
      Map<String, String> config =
          JSON.readValue(path.toFile(), new TypeReference<LinkedHashMap<String, String>>() {});
      config.remove("name");
      return config;
    }
  }

  /**
   * mongo-kafka 2.0.1 writing the same documents idempotently: the eventId moves into the key
   * (ValueToKey, then ReplaceField$Key renames it to _id, because ProvidedInKeyStrategy reads the
   * key document's _id; ExtractField$Key would leave a bare string key it cannot use), and out of
   * the value; ReplaceOneDefaultStrategy upserts by _id; unordered bulk writes like ours.
   */
  static Map<String, String> mongoKafka(MongoTarget target, String topic, int tasks) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("connector.class", ServiceManifest.MONGO_KAFKA_SINK);
    config.put("tasks.max", Integer.toString(tasks));
    config.put("topics", topic);
    config.put("connection.uri", target.uri());
    config.put("database", MongoTarget.DATABASE);
    config.put("collection", MongoTarget.COLLECTION);
    config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put("value.converter.schemas.enable", "false");
    config.put("transforms", "toKey,idKey,dropId");
    config.put("transforms.toKey.type", "org.apache.kafka.connect.transforms.ValueToKey");
    config.put("transforms.toKey.fields", "eventId");
    config.put("transforms.idKey.type", "org.apache.kafka.connect.transforms.ReplaceField$Key");
    config.put("transforms.idKey.renames", "eventId:_id");
    config.put("transforms.dropId.type", "org.apache.kafka.connect.transforms.ReplaceField$Value");
    config.put("transforms.dropId.exclude", "eventId");
    config.put(
        "document.id.strategy",
        "com.mongodb.kafka.connect.sink.processor.id.strategy.ProvidedInKeyStrategy");
    config.put(
        "writemodel.strategy",
        "com.mongodb.kafka.connect.sink.writemodel.strategy.ReplaceOneDefaultStrategy");
    config.put("bulk.write.ordered", "false");
    config.put("errors.tolerance", "all");
    return config;
  }
}
