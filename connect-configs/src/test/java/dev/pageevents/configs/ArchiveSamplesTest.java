package dev.pageevents.configs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sample configs shipped in each plugin archive's {@code etc/} and the ones here are one set:
 * every connector here has a sample of the same name in its archive that differs only in the store
 * host ({@code localhost} instead of the docker-compose service), and every other sample (TLS,
 * cluster, HTTP and file mode) uses the same topic, converters and error handling as its
 * connector's config here.
 */
class ArchiveSamplesTest {
  private static final Map<String, Map<String, String>> CONNECTORS =
      ConnectorConfigs.load(ConnectorConfigsTest.CONNECTORS);

  @Test
  void shouldShipEveryConfigInItsArchiveWithLocalhostAsTheOnlyDifference() throws IOException {
    Map<String, Map<String, String>> samples = archiveSamples();

    CONNECTORS.forEach(
        (name, config) ->
            assertThat(samples.get(name)).as("etc/" + name + ".json").isEqualTo(onLocalhost(name)));
  }

  @Test
  void shouldGiveEveryOtherSampleItsConnectorsTopicConvertersAndErrorHandling() throws IOException {
    Map<String, Map<String, String>> variants = archiveSamples();
    variants.keySet().removeAll(CONNECTORS.keySet());

    assertThat(variants.keySet())
        .containsExactly(
            "neo4j-graph-sink-tls",
            "page-event-file",
            "page-event-http",
            "redis-cache-sink-cluster-tls");
    variants.forEach(
        (name, variant) -> {
          Map<String, String> base = connectorOfClass(variant.get("connector.class"));
          assertThat(variant).as(name).containsEntry("name", name);
          assertThat(shared(variant)).as(name).isEqualTo(shared(base));
        });
  }

  @Test
  void shouldReplaceExactlyTheComposeHostOfEachStore() {
    assertThat(onLocalhost("mongo-sink"))
        .containsEntry("mongodb.uri", "mongodb://localhost:27017/?replicaSet=rs0");
    assertThat(onLocalhost("cassandra-sink")).containsEntry("cassandra.hosts", "localhost:9042");
    assertThat(onLocalhost("page-event-source")).isEqualTo(CONNECTORS.get("page-event-source"));
  }

  /** The config here with its store's compose host (e.g. {@code redis:}) as {@code localhost:}. */
  private static Map<String, String> onLocalhost(String name) {
    Map<String, String> config = new LinkedHashMap<>(CONNECTORS.get(name));
    String key = ConnectorConfigs.STORE_ADDRESS_KEYS.get(name);
    if (key != null) {
      String composeHost = name.substring(0, name.indexOf('-'));
      config.put(key, config.get(key).replaceFirst("\\b" + composeHost + ":", "localhost:"));
    }
    return config;
  }

  private static Map<String, String> connectorOfClass(String connectorClass) {
    List<Map<String, String>> matching =
        CONNECTORS.values().stream()
            .filter(c -> connectorClass.equals(c.get("connector.class")))
            .toList();
    assertThat(matching).as(connectorClass).hasSize(1);
    return matching.get(0);
  }

  /**
   * The settings every sample of one connector must share: topic and converters, and for a sink its
   * error handling ({@code errors.*}; in the source's file mode {@code errors.tolerance} is a
   * setting of that mode, not a dead letter queue).
   */
  private static Map<String, String> shared(Map<String, String> config) {
    boolean sink = config.containsKey("topics");
    Map<String, String> shared = new TreeMap<>();
    config.forEach(
        (key, value) -> {
          if (key.startsWith("topic")
              || key.contains(".converter")
              || (sink && key.startsWith("errors."))) {
            shared.put(key, value);
          }
        });
    return shared;
  }

  /**
   * Every {@code <module>/src/main/hub/etc/*.json} of the repository, by name (the file's name).
   */
  private static Map<String, Map<String, String>> archiveSamples() throws IOException {
    Map<String, Map<String, String>> samples = new TreeMap<>();
    try (Stream<Path> modules = Files.list(ModuleFiles.repositoryRoot())) {
      for (Path etc :
          modules.map(m -> m.resolve("src/main/hub/etc")).filter(Files::isDirectory).toList()) {
        ConnectorConfigs.load(etc)
            .forEach(
                (name, config) -> {
                  assertThat(config).as(etc + "/" + name).containsEntry("name", name);
                  assertThat(samples.put(name, config)).as("two samples named " + name).isNull();
                });
      }
    }
    return samples;
  }
}
