package dev.pageevents.configs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorConfigsTest {
  static final Path CONNECTORS = ModuleFiles.dir().resolve("connectors");

  @Test
  void shouldLoadTheSixShippedConfigsByName() {
    Map<String, Map<String, String>> configs = ConnectorConfigs.load(CONNECTORS);

    assertThat(configs.keySet())
        .containsExactly(
            "cassandra-sink",
            "elasticsearch-sink",
            "mongo-sink",
            "neo4j-graph-sink",
            "page-event-source",
            "redis-cache-sink");
    assertThat(configs.get("redis-cache-sink"))
        .containsEntry("connector.class", "dev.pageevents.redis.RedisSinkConnector")
        .containsEntry("redis.hosts", "redis:6379");
  }

  @Test
  void shouldBundleTheSameConfigsAsTheDirectory() {
    assertThat(ConnectorConfigs.bundled()).isEqualTo(ConnectorConfigs.load(CONNECTORS));
  }

  @Test
  void shouldGiveEverySinkTheSameTopicDeadLetterQueueAndConverters() {
    ConnectorConfigs.load(CONNECTORS).entrySet().stream()
        .filter(e -> !e.getKey().equals("page-event-source"))
        .forEach(
            e ->
                assertThat(e.getValue())
                    .as(e.getKey())
                    .containsEntry("name", e.getKey())
                    .containsEntry("topics", "page-events")
                    .containsEntry("errors.tolerance", "all")
                    .containsEntry("errors.deadletterqueue.topic.name", "dlq-" + e.getKey())
                    .containsEntry("errors.deadletterqueue.context.headers.enable", "true")
                    .containsEntry(
                        "key.converter", "org.apache.kafka.connect.storage.StringConverter")
                    .containsEntry(
                        "value.converter", "org.apache.kafka.connect.storage.StringConverter")
                    .doesNotContainKey("value.converter.schemas.enable"));
  }

  @Test
  void shouldWriteWhatTheSinksReadFromTheSourceConfig() {
    Map<String, String> source = ConnectorConfigs.load(CONNECTORS).get("page-event-source");

    assertThat(source)
        .containsEntry("topic", "page-events")
        .containsEntry("value.converter", "org.apache.kafka.connect.json.JsonConverter")
        .containsEntry("value.converter.schemas.enable", "false");
  }

  @Test
  void shouldNameTheStoreAddressKeyOfEverySinkWithAComposeHostInIt() {
    Map<String, Map<String, String>> configs = ConnectorConfigs.load(CONNECTORS);

    assertThat(ConnectorConfigs.STORE_ADDRESS_KEYS.keySet())
        .containsExactlyInAnyOrderElementsOf(
            configs.keySet().stream().filter(n -> !n.equals("page-event-source")).toList());
    ConnectorConfigs.STORE_ADDRESS_KEYS.forEach(
        (name, key) ->
            assertThat(configs.get(name).get(key))
                .as(name)
                .contains(name.substring(0, name.indexOf('-'))));
  }

  @Test
  void shouldUseNoFormerSettingName() {
    Map<String, Map<String, String>> configs = ConnectorConfigs.load(CONNECTORS);

    FormerNames.BY_CONNECTOR.forEach(
        (name, formerNames) ->
            assertThat(configs.get(name).keySet())
                .as(name)
                .doesNotContainAnyElementsOf(formerNames.keySet()));
    assertThat(FormerNames.BY_CONNECTOR.keySet())
        .containsExactlyInAnyOrderElementsOf(ConnectorConfigs.STORE_ADDRESS_KEYS.keySet());
  }

  @Test
  void shouldTurnNumbersAndBooleansIntoText() throws Exception {
    Map<String, String> config = parse("x", "{\"tasks.max\": 2, \"flag\": true, \"a\": \"b\"}");

    assertThat(config).containsEntry("tasks.max", "2").containsEntry("flag", "true");
  }

  @Test
  void shouldRejectNestedValuesNamingTheKey() {
    assertThatThrownBy(() -> parse("x", "{\"transforms\": {\"a\": \"b\"}}"))
        .hasMessageContaining("'transforms' must be a string");
  }

  @Test
  void shouldRejectANameThatDiffersFromTheFileName() {
    assertThatThrownBy(() -> parse("mongo-sink", "{\"name\": \"other\"}"))
        .hasMessageContaining("mongo-sink.json names the connector 'other'");
  }

  @Test
  void shouldRefuseADirectoryWithoutConfigs(@TempDir Path empty) throws Exception {
    Files.writeString(empty.resolve("notes.txt"), "not a config");

    assertThatThrownBy(() -> ConnectorConfigs.load(empty)).hasMessageContaining("No *.json");
  }

  @Test
  void shouldApplyOverridesWhoseKeysContainDotsAndValuesContainEquals() {
    Map<String, Map<String, String>> configs =
        Map.of("mongo-sink", Map.of("mongodb.uri", "mongodb://mongo:27017"), "b", Map.of());

    Map<String, Map<String, String>> result =
        ConnectorConfigs.withOverrides(
            configs,
            List.of("mongo-sink.mongodb.uri=mongodb://127.0.0.1:1/?w=1", "b.errors.tolerance="));

    assertThat(result.get("mongo-sink")).containsEntry("mongodb.uri", "mongodb://127.0.0.1:1/?w=1");
    assertThat(result.get("b")).containsEntry("errors.tolerance", "");
    assertThat(configs.get("mongo-sink")).containsEntry("mongodb.uri", "mongodb://mongo:27017");
  }

  @Test
  void shouldRejectOverridesOfUnknownConnectors() {
    assertThatThrownBy(
            () -> ConnectorConfigs.withOverrides(Map.of("a", Map.of()), List.of("nope.k=v")))
        .hasMessageContaining("unknown connectors [nope]");
  }

  @Test
  void shouldRejectMalformedOverrides() {
    for (String bad : List.of("no-equals", "nodot=v", ".key=v", "name.=v")) {
      assertThatThrownBy(() -> ConnectorConfigs.withOverrides(Map.of(), List.of(bad)))
          .as(bad)
          .hasMessageContaining("<connector>.<key>=<value>");
    }
  }

  private static Map<String, String> parse(String name, String json) throws Exception {
    return ConnectorConfigs.parse(
        name, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
