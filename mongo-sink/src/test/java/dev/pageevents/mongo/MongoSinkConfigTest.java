package dev.pageevents.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.WriteConcern;
import com.mongodb.client.model.TimeSeriesGranularity;
import com.mongodb.client.model.TimeSeriesOptions;
import dev.pageevents.core.sink.WritePipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class MongoSinkConfigTest {

  @Test
  void shouldDefaultToMajorityWritesTheTopicAsCollectionAndBatchesOf1000() {
    MongoSinkConfig config = new MongoSinkConfig(Map.of("mongodb.uri", "mongodb://h:27017"));

    assertThat(config.writeConcern()).isEqualTo(WriteConcern.MAJORITY);
    assertThat(config.collection()).isNull();
    assertThat(config.database()).isEqualTo("pageevents");
    assertThat(WritePipeline.Settings.from(config).batchSize()).isEqualTo(1000);
    assertThat(WritePipeline.Settings.from(config).deleteOnNull()).isFalse();
  }

  @Test
  void shouldTurnTombstonesIntoDeletesWhenDeleteOnNullValuesIsSet() {
    MongoSinkConfig config =
        new MongoSinkConfig(
            Map.of("mongodb.uri", "mongodb://h:27017", "delete.on.null.values", "true"));

    assertThat(WritePipeline.Settings.from(config).deleteOnNull()).isTrue();
  }

  @Test
  void shouldBuildTheTimeSeriesCreateOptionsFromTheConfig() {
    MongoSinkConfig config =
        new MongoSinkConfig(
            Map.of(
                "mongodb.uri", "mongodb://h:27017",
                "timeseries.timefield", "at",
                "timeseries.metafield", "page",
                "timeseries.granularity", "minutes"));

    TimeSeriesOptions options = config.timeSeries().createOptions().getTimeSeriesOptions();
    assertThat(options.getTimeField()).isEqualTo("at");
    assertThat(options.getMetaField()).isEqualTo("page");
    assertThat(options.getGranularity()).isEqualTo(TimeSeriesGranularity.MINUTES);
    MongoSinkConfig regular = new MongoSinkConfig(Map.of("mongodb.uri", "mongodb://h:27017"));
    assertThat(regular.timeSeries()).isNull();
  }

  @Test
  void shouldRejectTimeFieldsThatAreOperatorsPathsOrOtherFieldsNamingTheField() {
    for (String bad : List.of("$ts", "a.b", "page", "_id", "1x")) {
      assertThatThrownBy(
              () ->
                  new MongoSinkConfig(
                      Map.of("mongodb.uri", "mongodb://h", "timeseries.timefield", bad)))
          .as(bad)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("timeseries.timefield");
    }
    assertThatThrownBy(
            () ->
                new MongoSinkConfig(
                    Map.of("mongodb.uri", "mongodb://h", "timeseries.metafield", "durationMs")))
        .hasMessageContaining("timeseries.metafield");
  }

  @Test
  void shouldParseNumericWriteConcerns() {
    assertThat(MongoSinkConfig.parseWriteConcern("2")).isEqualTo(new WriteConcern(2));
  }

  @Test
  void shouldRejectUnacknowledgedWritesNamingTheField() {
    assertThatThrownBy(
            () -> new MongoSinkConfig(Map.of("mongodb.uri", "mongodb://h", "write.concern", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("write.concern")
        .hasMessageContaining("majority");
  }

  @Test
  void shouldRejectAMalformedConnectionStringWithoutEchoingIt() {
    assertThatThrownBy(() -> new MongoSinkConfig(Map.of("mongodb.uri", "http://secret@h")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("mongodb.uri")
        .hasMessageNotContaining("secret");
  }

  @Test
  void shouldReportAnUnreachableServerOnTheUriField() {
    Map<String, String> props =
        Map.of(
            "name", "m",
            "connector.class", MongoSinkConnector.class.getName(),
            "topics", "t",
            "mongodb.uri", "mongodb://127.0.0.1:1/?connectTimeoutMS=200");

    List<ConfigValue> values = new MongoSinkConnector().validate(props).configValues();

    ConfigValue uri =
        values.stream().filter(v -> v.name().equals("mongodb.uri")).findFirst().orElseThrow();
    assertThat(uri.errorMessages()).singleElement().asString().contains("Cannot reach MongoDB");
  }

  @Test
  void shouldStillReadTheDeprecatedNamesAndCheckTheirValues() {
    MongoSinkConfig config =
        new MongoSinkConfig(
            Map.of(
                "connection.uri", "mongodb://h:27017",
                "database", "db",
                "collection", "events",
                "server.selection.timeout.ms", "1500"));

    assertThat(config.connectionString().getHosts()).containsExactly("h:27017");
    assertThat(config.database()).isEqualTo("db");
    assertThat(config.collection()).isEqualTo("events");
    assertThat(config.serverSelectionTimeoutMs()).isEqualTo(1500);
    assertThatThrownBy(() -> new MongoSinkConfig(Map.of("connection.uri", "http://secret@h")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("mongodb.uri")
        .hasMessageNotContaining("secret");
  }

  @Test
  void shouldNameTheTimeFieldWhenAMetaFieldIsGivenWithoutIt() {
    Map<String, String> props =
        Map.of(
            "name", "m",
            "topics", "t",
            "mongodb.uri", "mongodb://127.0.0.1:1/?connectTimeoutMS=200",
            "timeseries.metafield", "page");

    List<ConfigValue> values = new MongoSinkConnector().validate(props).configValues();

    assertThat(values)
        .filteredOn(v -> !v.errorMessages().isEmpty())
        .extracting(ConfigValue::name)
        .containsExactly("timeseries.timefield");
    assertThatThrownBy(() -> new MongoSinkConnector().start(props))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("timeseries.timefield");
    assertThat(
            values.stream()
                .filter(v -> v.name().equals("timeseries.granularity"))
                .findFirst()
                .orElseThrow()
                .visible())
        .isFalse();
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
      assertThat(props).containsEntry("connector.class", MongoSinkConnector.class.getName());
      new MongoSinkConfig(props);
    }
  }
}
