package dev.pageevents.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pageevents.core.sink.ErrorKind;
import dev.pageevents.core.sink.WritePipeline;
import dev.pageevents.core.testing.Visibility;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class ElasticsearchSinkConfigTest {

  private static Map<String, String> connector(String... pairs) {
    Map<String, String> props = new HashMap<>();
    props.put("name", "es");
    props.put("connector.class", ElasticsearchSinkConnector.class.getName());
    props.put("topics", "t");
    props.put("elasticsearch.urls", "http://127.0.0.1:1");
    for (int i = 0; i < pairs.length; i += 2) {
      props.put(pairs[i], pairs[i + 1]);
    }
    return props;
  }

  private static List<String> errors(Map<String, String> props, String field) {
    List<ConfigValue> values = new ElasticsearchSinkConnector().validate(props).configValues();
    return values.stream()
        .filter(v -> v.name().equals(field))
        .findFirst()
        .orElseThrow()
        .errorMessages();
  }

  @Test
  void shouldDefaultToDailyIndicesTwoRequestsInFlightAndBatchesOf2000() {
    ElasticsearchSinkConfig config = new ElasticsearchSinkConfig(Map.of());

    assertThat(config.indexPattern().toString()).isEqualTo("pageevents-{yyyy.MM.dd}");
    assertThat(config.bulkPlan()).isEqualTo(new BulkPlan(500, 5L << 20, 2, 50));
    assertThat(WritePipeline.Settings.from(config).batchSize()).isEqualTo(2000);
  }

  @Test
  void shouldRejectABadIndexPatternNamingTheField() {
    assertThatThrownBy(() -> new ElasticsearchSinkConfig(Map.of("index.pattern", "{topic}")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("index.pattern")
        .hasMessageContaining("fixed prefix");
  }

  @Test
  void shouldRejectNonHttpUrls() {
    assertThatThrownBy(() -> new ElasticsearchSinkConfig(Map.of("elasticsearch.urls", "es1:9200")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("http://host:port");
  }

  @Test
  void shouldReportBothCredentialKindsOnTheApiKeyField() {
    Map<String, String> props =
        connector(
            "elasticsearch.username",
            "u",
            "elasticsearch.password",
            "p",
            "elasticsearch.api.key",
            "k");

    assertThat(errors(props, "elasticsearch.api.key"))
        .singleElement()
        .asString()
        .contains("not both");
  }

  @Test
  void shouldReportAUsernameWithoutPassword() {
    assertThat(errors(connector("elasticsearch.username", "u"), "elasticsearch.password"))
        .singleElement()
        .asString()
        .contains("Set elasticsearch.password");
  }

  @Test
  void shouldReportATruststorePasswordWithoutTruststoreAndAnUnreachableBulkSize() {
    Map<String, String> props =
        connector(
            "elasticsearch.ssl.truststore.password", "x",
            "bulk.max.actions", "3000");

    assertThat(errors(props, "elasticsearch.ssl.truststore.location"))
        .singleElement()
        .asString()
        .contains("set elasticsearch.ssl.truststore.location");
    assertThat(errors(props, "bulk.max.actions"))
        .singleElement()
        .asString()
        .contains("larger than batch.size");
  }

  @Test
  void shouldFailToStartWithBothCredentialKindsNamingTheApiKey() {
    Map<String, String> props =
        connector("elasticsearch.username", "u", "elasticsearch.password", "p");
    props.put("elasticsearch.api.key", "k");

    assertThatThrownBy(() -> new ElasticsearchSinkConnector().start(props))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("elasticsearch.api.key")
        .hasMessageContaining("not both")
        .hasMessageNotContaining("=k");
  }

  @Test
  void shouldStillReadTheDeprecatedConnectionNames() {
    ElasticsearchSinkConfig config =
        new ElasticsearchSinkConfig(
            Map.of(
                "connection.urls", "https://es1:9200",
                "connection.username", "u",
                "connection.password", "p",
                "connection.truststore.path", "/etc/trust.p12",
                "connection.timeout.ms", "1234",
                "read.timeout.ms", "4321"));

    assertThat(config.urls()).containsExactly("https://es1:9200");
    assertThat(config.username()).isEqualTo("u");
    assertThat(config.password()).isEqualTo("p");
    assertThat(config.truststoreLocation()).isEqualTo("/etc/trust.p12");
    assertThat(config.connectTimeoutMs()).isEqualTo(1234);
    assertThat(config.readTimeoutMs()).isEqualTo(4321);
  }

  @Test
  void shouldValidateAConfigWithOnlyDeprecatedNamesWithoutErrorsBeyondReachability() {
    Map<String, String> props = connector("connection.username", "u", "connection.password", "p");
    props.put("connection.urls", props.remove("elasticsearch.urls"));

    List<ConfigValue> values = new ElasticsearchSinkConnector().validate(props).configValues();

    assertThat(values)
        .filteredOn(v -> !v.errorMessages().isEmpty())
        .extracting(ConfigValue::name)
        .containsExactly("elasticsearch.urls");
  }

  @Test
  void shouldShowEitherBasicAuthOrTheApiKey() {
    Map<String, Boolean> withKey = visibility(Map.of("elasticsearch.api.key", "k"));
    Map<String, Boolean> withUser = visibility(Map.of("elasticsearch.username", "u"));

    assertThat(withKey)
        .containsEntry("elasticsearch.username", false)
        .containsEntry("elasticsearch.password", false)
        .containsEntry("elasticsearch.api.key", true);
    assertThat(withUser)
        .containsEntry("elasticsearch.username", true)
        .containsEntry("elasticsearch.api.key", false);
  }

  private static Map<String, Boolean> visibility(Map<String, String> props) {
    return Visibility.of(ElasticsearchSinkConfig.CONFIG_DEF, props);
  }

  @Test
  void shouldReportAnUnreachableClusterOnTheUrlsField() {
    assertThat(errors(connector(), "elasticsearch.urls"))
        .singleElement()
        .asString()
        .contains("Cannot reach Elasticsearch");
  }

  @Test
  void shouldClassifyThrottlingAndOutagesAsTransientAndAuthAsFatal() {
    ElasticsearchWriter writer =
        new ElasticsearchWriter(
            ElasticsearchClients.transport(new ElasticsearchSinkConfig(Map.of())),
            new ElasticsearchSinkConfig(Map.of()));
    try {
      assertThat(writer.classify(new ConnectException("refused"))).isEqualTo(ErrorKind.TRANSIENT);
      assertThat(writer.classify(new IOException("reset"))).isEqualTo(ErrorKind.TRANSIENT);
      assertThat(writer.classify(new ElasticsearchWriter.ItemsThrottledException(3, "429")))
          .isEqualTo(ErrorKind.TRANSIENT);
      assertThat(writer.classify(new IllegalStateException("bug"))).isEqualTo(ErrorKind.FATAL);
    } finally {
      writer.close();
    }
    assertThat(ElasticsearchWriter.byStatus(429)).isEqualTo(ErrorKind.TRANSIENT);
    assertThat(ElasticsearchWriter.byStatus(503)).isEqualTo(ErrorKind.TRANSIENT);
    assertThat(ElasticsearchWriter.byStatus(401)).isEqualTo(ErrorKind.FATAL);
    assertThat(ElasticsearchWriter.byStatus(403)).isEqualTo(ErrorKind.FATAL);
    assertThat(ElasticsearchWriter.byStatus(400)).isEqualTo(ErrorKind.DATA);
  }

  @Test
  void shouldAcceptEveryShippedSampleConfig() throws Exception {
    List<Path> samples;
    try (Stream<Path> files = Files.list(Path.of("src/main/hub/etc"))) {
      samples = files.filter(p -> p.toString().endsWith(".json")).toList();
    }
    assertThat(samples).hasSize(1);
    for (Path sample : samples) {
      @SuppressWarnings("unchecked")
      Map<String, String> props = new ObjectMapper().readValue(sample.toFile(), Map.class);
      assertThat(props)
          .containsEntry("connector.class", ElasticsearchSinkConnector.class.getName());
      new ElasticsearchSinkConfig(props);
    }
  }
}
