package dev.pageevents.configs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.stack.KafkaConnectStack;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every shipped connector config, validated by a real Connect worker ({@code /validate}) that loads
 * the connectors from the unpacked plugin archives: with the store hosts pointed at embedded
 * servers there is no error at all; as shipped, the only errors are the unreachable compose hosts.
 */
class ConnectConfigsIT {
  private static KafkaConnectStack stack;
  private static ConnectRestClient rest;
  private static final Map<String, Map<String, String>> SHIPPED =
      ConnectorConfigs.load(ModuleFiles.dir().resolve("connectors"));

  @BeforeAll
  static void startWorker() throws Exception {
    stack = WorkerFile.stack();
    rest = new ConnectRestClient(stack.connectUrl());
  }

  @AfterAll
  static void stopWorker() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void shouldShipExactlyOneConfigForTheSourceAndEachOfTheFiveSinks() {
    assertThat(SHIPPED).hasSize(6);
    assertThat(SHIPPED.values())
        .extracting(c -> c.get("connector.class"))
        .containsExactlyInAnyOrder(
            "dev.pageevents.cassandra.CassandraSinkConnector",
            "dev.pageevents.elasticsearch.ElasticsearchSinkConnector",
            "dev.pageevents.mongo.MongoSinkConnector",
            "dev.pageevents.neo4j.Neo4jSinkConnector",
            "dev.pageevents.source.PageEventSourceConnector",
            "dev.pageevents.redis.RedisSinkConnector");
  }

  @Test
  void shouldValidateEveryConfigWithoutErrorsWhenItsHostsAreTheEmbeddedServers() {
    SHIPPED.forEach(
        (name, shipped) -> {
          Map<String, String> config =
              ConnectorConfigs.withOverrides(SHIPPED, EmbeddedHosts.overrides(name)).get(name);

          ValidationResult result = rest.validate(config.get("connector.class"), config);

          assertThat(result.errors()).as(name).isEmpty();
          assertThat(result.errorCount()).as(name).isZero();
        });
  }

  /**
   * A config written with the names of before the renames still validates: no error counted, the
   * deprecated names read under their new ones (so the embedded hosts are reached).
   */
  @Test
  void shouldValidateEverySinkConfigWrittenWithItsFormerNamesWithoutErrors() {
    int renamed = 0;
    for (String name : SHIPPED.keySet()) {
      Map<String, String> current =
          ConnectorConfigs.withOverrides(SHIPPED, EmbeddedHosts.overrides(name)).get(name);
      Map<String, String> config = FormerNames.writtenTheOldWay(name, current);
      renamed += current.keySet().stream().filter(key -> !config.containsKey(key)).count();

      ValidationResult result = rest.validate(config.get("connector.class"), config);

      assertThat(result.errors()).as(name).isEmpty();
      assertThat(result.errorCount()).as(name).isZero();
    }
    assertThat(renamed).as("settings written under a former name").isGreaterThanOrEqualTo(6);
  }

  @Test
  void shouldReportBothNamesOfOneSettingGivenDifferentlyOnTheDeprecatedName() {
    Map<String, String> config =
        new HashMap<>(
            ConnectorConfigs.withOverrides(SHIPPED, EmbeddedHosts.overrides("neo4j-graph-sink"))
                .get("neo4j-graph-sink"));
    config.put("neo4j.user", "someone-else");

    ValidationResult result = rest.validate(config.get("connector.class"), config);

    assertThat(result.errors()).containsOnlyKeys("neo4j.user");
    assertThat(result.errors().get("neo4j.user").get(0)).contains("neo4j.username");
  }

  @Test
  void shouldReportOnlyTheUnreachableComposeHostWhenValidatedAsShipped() {
    SHIPPED.forEach(
        (name, config) -> {
          ValidationResult result = rest.validate(config.get("connector.class"), config);

          String hostField = ConnectorConfigs.STORE_ADDRESS_KEYS.get(name);
          if (hostField == null) {
            assertThat(result.errors()).as(name).isEmpty();
          } else {
            assertThat(result.errors()).as(name).containsOnlyKeys(hostField);
            assertThat(result.errors().get(hostField)).as(name).hasSize(1);
            assertThat(result.errors().get(hostField).get(0))
                .as(name)
                .matches("(?s)Cannot (reach|connect to|use) .*");
          }
        });
  }
}
