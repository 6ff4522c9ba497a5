package dev.pageevents.core.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.core.config.OffsetReset;
import dev.pageevents.core.config.PageEventSinkConfig;
import dev.pageevents.core.config.Reachability;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class PageEventSinkConnectorValidateTest {
  private static final ConfigDef DEF =
      PageEventSinkConfig.withOffsetReset(
          PageEventSinkConfig.withSharedGroups(
              new ConfigDef()
                  .define("store.mode", Type.STRING, "plain", Importance.HIGH, "mode")
                  .define("store.file", Type.STRING, "", Importance.HIGH, "file")
                  .define("store.uri", Type.STRING, "", Importance.HIGH, "uri"),
              100),
          OffsetReset.REPLAY);

  /** Needs store.file in mode 'file' (checked by its config), refuses mode 'both' (cross-field). */
  static final class Sink extends PageEventSinkConnector<PageEventSinkConfig> {
    Exception probeFailure;
    int probes;

    Sink() {
      super(DEF, null, Sink::parse);
    }

    private static PageEventSinkConfig parse(Map<String, String> props) {
      PageEventSinkConfig config = new PageEventSinkConfig(DEF, props) {};
      if (config.getString("store.mode").equals("file")
          && config.getString("store.file").isEmpty()) {
        throw new ConfigException("store.file", "", "Set store.file in mode file");
      }
      return config;
    }

    @Override
    protected Map<String, String> crossFieldProblems(PageEventSinkConfig config) {
      return config.getString("store.mode").equals("both")
          ? Map.of("store.mode", "Pick one mode")
          : Map.of();
    }

    @Override
    protected void probe(PageEventSinkConfig config, Map<String, String> props) throws Exception {
      probes++;
      if (probeFailure != null) {
        throw probeFailure;
      }
    }

    @Override
    protected Reachability.Failure diagnose(PageEventSinkConfig config, Exception e) {
      return new Reachability.Failure("store.uri", "Cannot reach the store: " + e.getMessage());
    }

    @Override
    protected void clearReadModel(PageEventSinkConfig config) {}
  }

  private static Map<String, String> props(String mode) {
    Map<String, String> props = new HashMap<>(Map.of("name", "s", "store.mode", mode));
    props.put("topics", "events");
    return props;
  }

  private static List<String> errors(Config result, String name) {
    return result.configValues().stream()
        .filter(v -> v.name().equals(name))
        .findFirst()
        .map(ConfigValue::errorMessages)
        .orElseThrow();
  }

  @Test
  void shouldShowAnErrorTheConfigRaisesOnTheSettingItNamesWithoutProbing() {
    Sink sink = new Sink();

    Config result = sink.validate(props("file"));

    assertThat(errors(result, "store.file")).containsExactly("Set store.file in mode file");
    assertThat(sink.probes).isZero();
  }

  @Test
  void shouldShowCrossFieldProblemsOnTheirSettingWithoutProbing() {
    Sink sink = new Sink();

    Config result = sink.validate(props("both"));

    assertThat(errors(result, "store.mode")).containsExactly("Pick one mode");
    assertThat(sink.probes).isZero();
  }

  @Test
  void shouldShowAFailedProbeWhereTheSinkDiagnosesIt() {
    Sink sink = new Sink();
    sink.probeFailure = new IllegalStateException("refused");

    Config result = sink.validate(props("plain"));

    assertThat(errors(result, "store.uri")).containsExactly("Cannot reach the store: refused");
    assertThat(sink.probes).isEqualTo(1);
  }
}
