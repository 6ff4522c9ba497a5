package dev.pageevents.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class Neo4jSinkConfigTest {

  @Test
  void shouldRejectANonBoltUri() {
    assertThatThrownBy(
            () -> new Neo4jSinkConfig(Map.of(Neo4jSinkConfig.URI_CONFIG, "http://x:7474")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bolt://");
  }

  @Test
  void shouldRequireACaFileForCustomCaTrustInValidateAndStart() {
    Map<String, String> props =
        Map.of(
            "name",
            "n",
            "topics",
            "t",
            Neo4jSinkConfig.URI_CONFIG,
            "bolt://127.0.0.1:1",
            Neo4jSinkConfig.SSL_ENABLED_CONFIG,
            "true",
            Neo4jSinkConfig.TRUST_CONFIG,
            "CUSTOM_CA");

    assertThat(new Neo4jSinkConfig(props).crossFieldProblems())
        .containsOnlyKeys(Neo4jSinkConfig.CA_LOCATION_CONFIG);
    assertThat(new Neo4jSinkConnector().validate(props).configValues())
        .filteredOn(value -> !value.errorMessages().isEmpty())
        .extracting(ConfigValue::name)
        .containsExactly(Neo4jSinkConfig.CA_LOCATION_CONFIG);
    assertThatThrownBy(() -> new Neo4jSinkConnector().start(props))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(Neo4jSinkConfig.CA_LOCATION_CONFIG);
  }

  @Test
  void shouldNameTheTrustStrategyWhenACaFileWouldBeIgnored() {
    assertThat(
            new Neo4jSinkConfig(
                    Map.of(
                        Neo4jSinkConfig.URI_CONFIG, "bolt://x:7687",
                        Neo4jSinkConfig.CA_LOCATION_CONFIG, "/etc/ca.pem"))
                .crossFieldProblems())
        .containsOnlyKeys(Neo4jSinkConfig.TRUST_CONFIG);
  }

  @Test
  void shouldStillReadTheDeprecatedNames() {
    Neo4jSinkConfig config =
        new Neo4jSinkConfig(
            Map.of(
                Neo4jSinkConfig.URI_CONFIG,
                "bolt://x:7687",
                "neo4j.user",
                "writer",
                "neo4j.encryption.enabled",
                "true",
                "neo4j.trust.strategy",
                "CUSTOM_CA",
                "neo4j.trust.ca.file",
                "/etc/ca.pem"));

    assertThat(config.getString(Neo4jSinkConfig.USER_CONFIG)).isEqualTo("writer");
    assertThat(config.getBoolean(Neo4jSinkConfig.SSL_ENABLED_CONFIG)).isTrue();
    assertThat(config.getString(Neo4jSinkConfig.CA_LOCATION_CONFIG)).isEqualTo("/etc/ca.pem");
    assertThat(config.crossFieldProblems()).isEmpty();
  }

  @Test
  void shouldShowTheCaFileOnlyForCustomCaTrust() {
    List<ConfigValue> values =
        Neo4jSinkConfig.CONFIG_DEF.validate(
            Map.of(
                Neo4jSinkConfig.URI_CONFIG, "bolt://x:7687",
                Neo4jSinkConfig.SSL_ENABLED_CONFIG, "true"));

    assertThat(values)
        .filteredOn(value -> value.name().equals(Neo4jSinkConfig.CA_LOCATION_CONFIG))
        .singleElement()
        .extracting(ConfigValue::visible)
        .isEqualTo(false);
    assertThat(values)
        .filteredOn(value -> value.name().equals(Neo4jSinkConfig.TRUST_CONFIG))
        .singleElement()
        .extracting(ConfigValue::visible)
        .isEqualTo(true);
  }

  @Test
  void shouldAcceptEveryShippedSampleConfig() throws Exception {
    List<Path> samples;
    try (Stream<Path> files = Files.list(Path.of("src/main/hub/etc"))) {
      samples = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(samples).hasSize(2);
    for (Path sample : samples) {
      @SuppressWarnings("unchecked")
      Map<String, String> props = new ObjectMapper().readValue(sample.toFile(), Map.class);
      assertThat(new Neo4jSinkConnector().config().validate(props))
          .allSatisfy(value -> assertThat(value.errorMessages()).as(value.name()).isEmpty());
      assertThat(props.get("connector.class")).isEqualTo(Neo4jSinkConnector.class.getName());
    }
  }
}
