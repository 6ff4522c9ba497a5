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
  void shouldRequireACaFileForCustomCaTrust() {
    assertThatThrownBy(
            () ->
                new Neo4jSinkConfig(
                    Map.of(
                        Neo4jSinkConfig.URI_CONFIG,
                        "bolt://x:7687",
                        Neo4jSinkConfig.TRUST_CONFIG,
                        "CUSTOM_CA")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(Neo4jSinkConfig.CA_FILE_CONFIG);
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
