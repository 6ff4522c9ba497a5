package dev.pageevents.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate() per-field errors, task split, exactly-once declaration, shipped sample configs. */
class PageEventSourceConnectorTest {
  private final PageEventSourceConnector connector = new PageEventSourceConnector();

  @TempDir Path dir;

  /** Errors per field name, only for fields that have any. */
  private Map<String, List<String>> errors(Map<String, String> props) {
    return connector.validate(props).configValues().stream()
        .filter(v -> !v.errorMessages().isEmpty())
        .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
  }

  @Test
  void shouldAcceptTheDefaults() {
    assertThat(errors(Map.of())).isEmpty();
  }

  @Test
  void shouldAcceptBothEventFormatsAndRejectAnyOtherOnItsField() {
    assertThat(errors(Map.of("event.format", "course"))).isEmpty();
    assertThat(errors(Map.of("event.format", "PACK"))).isEmpty();
    assertThat(errors(Map.of("event.format", "avro")))
        .containsOnlyKeys("event.format")
        .extractingByKey("event.format")
        .asString()
        .contains("PACK, COURSE");
  }

  @Test
  void shouldReportEveryBadGeneratorSettingOnItsField() {
    Map<String, String> props = new HashMap<>();
    props.put("events.per.second", "-5");
    props.put("page.popularity", "pareto");
    props.put("zipf.exponent", "0");
    props.put("max.events", "-1");
    props.put("pages", "0");
    props.put("start.time", "yesterday");
    props.put("key.field", "session");
    assertThat(errors(props))
        .containsOnlyKeys(
            "events.per.second",
            "page.popularity",
            "zipf.exponent",
            "max.events",
            "pages",
            "start.time",
            "key.field");
  }

  @Test
  void shouldReportAnUnknownMode() {
    assertThat(errors(Map.of("mode", "kafka")).get("mode").get(0))
        .containsIgnoringCase("generator");
  }

  @Test
  void shouldReportAPortInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Map<String, List<String>> errors =
          errors(Map.of("mode", "http", "http.port", Integer.toString(taken.getLocalPort())));
      assertThat(errors).containsOnlyKeys("http.port");
      assertThat(errors.get("http.port").get(0)).contains("in use");
    }
  }

  @Test
  void shouldReportAMissingOrAbsentDirectory() {
    assertThat(errors(Map.of("mode", "file"))).containsOnlyKeys("file.directory");
    Map<String, List<String>> errors =
        errors(Map.of("mode", "file", "file.directory", dir.resolve("nope").toString()));
    assertThat(errors.get("file.directory").get(0)).contains("does not exist");
    assertThat(errors(Map.of("mode", "file", "file.directory", dir.toString()))).isEmpty();
  }

  @Test
  void shouldFailToStartInFileModeWithoutADirectoryNamingIt() {
    assertThatThrownBy(() -> connector.start(Map.of("mode", "file")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("file.directory")
        .hasMessageContaining("file mode needs file.directory");
  }

  @Test
  void shouldSplitGeneratorWorkOverAllTasksAndHttpOverOne() {
    connector.start(Map.of("mode", "generator"));
    List<Map<String, String>> tasks = connector.taskConfigs(3);
    assertThat(tasks).extracting(t -> t.get("task.index")).containsExactly("0", "1", "2");
    assertThat(tasks).allSatisfy(t -> assertThat(t).containsEntry("task.count", "3"));
    connector.start(Map.of("mode", "http"));
    assertThat(connector.taskConfigs(3)).hasSize(1);
  }

  @Test
  void shouldDeclareExactlyOnceOnlyForReplayableModes() {
    assertThat(connector.exactlyOnceSupport(Map.of("mode", "generator")))
        .isEqualTo(ExactlyOnceSupport.SUPPORTED);
    assertThat(connector.exactlyOnceSupport(Map.of("mode", "file")))
        .isEqualTo(ExactlyOnceSupport.SUPPORTED);
    assertThat(connector.exactlyOnceSupport(Map.of("mode", "http")))
        .isEqualTo(ExactlyOnceSupport.UNSUPPORTED);
  }

  @Test
  void shouldShipOnlyValidSampleConfigs() throws Exception {
    ObjectMapper json = new ObjectMapper();
    int count = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("src/main/hub/etc"))) {
      for (Path file : files) {
        Map<String, String> props = json.readValue(file.toFile(), new TypeReference<>() {});
        if ("file".equals(props.get("mode"))) {
          props.put("file.directory", dir.toString());
        }
        if ("http".equals(props.get("mode"))) {
          props.put("http.port", "0");
        }
        assertThat(errors(props)).as(file.toString()).isEmpty();
        count++;
      }
    }
    assertThat(count).isEqualTo(3);
  }
}
