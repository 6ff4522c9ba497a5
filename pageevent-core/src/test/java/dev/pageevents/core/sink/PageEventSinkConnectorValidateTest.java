package dev.pageevents.core.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pageevents.core.config.DeprecatedAliases;
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
      DeprecatedAliases.alias(
          PageEventSinkConfig.withOffsetReset(
              PageEventSinkConfig.withSharedGroups(
                  new ConfigDef()
                      .define("store.mode", Type.STRING, "plain", Importance.HIGH, "mode")
                      .define("store.file", Type.STRING, "", Importance.HIGH, "file")
                      .define(
                          "store.uri",
                          Type.STRING,
                          "",
                          (name, value) -> {
                            if (String.valueOf(value).contains(" ")) {
                              throw new ConfigException(name, value, "No spaces in a URI");
                            }
                          },
                          Importance.HIGH,
                          "uri"),
                  100),
              OffsetReset.REPLAY),
          "store.url",
          "store.uri");

  /** Refuses mode 'both' (a cross-field problem of its config). */
  static final class StoreConfig extends PageEventSinkConfig {
    StoreConfig(Map<String, String> props) {
      super(DEF, props);
    }

    @Override
    public Map<String, String> crossFieldProblems() {
      return getString("store.mode").equals("both")
          ? Map.of("store.mode", "Pick one mode")
          : Map.of();
    }
  }

  /** Needs store.file in mode 'file' (checked when its config is parsed). */
  static final class Sink extends PageEventSinkConnector<StoreConfig> {
    Exception probeFailure;
    int probes;
    Map<String, String> probed;

    Sink() {
      super(DEF, null, Sink::parse);
    }

    private static StoreConfig parse(Map<String, String> props) {
      StoreConfig config = new StoreConfig(props);
      if (config.getString("store.mode").equals("file")
          && config.getString("store.file").isEmpty()) {
        throw new ConfigException("store.file", "", "Set store.file in mode file");
      }
      return config;
    }

    @Override
    protected void probe(StoreConfig config, Map<String, String> props) throws Exception {
      probes++;
      probed = props;
      if (probeFailure != null) {
        throw probeFailure;
      }
    }

    @Override
    protected Reachability.Failure diagnose(StoreConfig config, Exception e) {
      return new Reachability.Failure("store.uri", "Cannot reach the store: " + e.getMessage());
    }

    @Override
    protected void clearReadModel(StoreConfig config) {}
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

  @Test
  void shouldValidateAConfigThatUsesOnlyADeprecatedNameWithoutErrors() {
    Sink sink = new Sink();
    Map<String, String> props = props("plain");
    props.put("store.url", "store://here");

    Config result = sink.validate(props);

    assertThat(result.configValues()).allSatisfy(v -> assertThat(v.errorMessages()).isEmpty());
    ConfigValue alias = value(result, "store.url");
    assertThat(alias.visible()).isTrue();
    assertThat(value(result, "store.uri").value()).isEqualTo("store://here");
    assertThat(DEF.configKeys().get("store.url").documentation)
        .contains("Deprecated")
        .contains("store.uri");
    assertThat(sink.probed)
        .containsEntry("store.uri", "store://here")
        .doesNotContainKey("store.url");
  }

  @Test
  void shouldHideADeprecatedNameThatIsNotGiven() {
    Config result = new Sink().validate(props("plain"));

    assertThat(value(result, "store.url").visible()).isFalse();
  }

  @Test
  void shouldCheckADeprecatedNamesValueWithItsNewNamesValidator() {
    Map<String, String> props = props("plain");
    props.put("store.url", "store://a b");

    Config result = new Sink().validate(props);

    assertThat(errors(result, "store.uri")).singleElement().asString().contains("No spaces");
  }

  @Test
  void shouldShowAnErrorOnTheDeprecatedNameWhenBothNamesDisagree() {
    Sink sink = new Sink();
    Map<String, String> props = props("plain");
    props.put("store.url", "store://old");
    props.put("store.uri", "store://new");

    Config result = sink.validate(props);

    assertThat(errors(result, "store.url"))
        .singleElement()
        .asString()
        .contains("store.uri", "remove store.url");
    assertThat(sink.probes).isZero();
  }

  @Test
  void shouldAcceptBothNamesWithTheSameValue() {
    Map<String, String> props = props("plain");
    props.put("store.url", "store://same");
    props.put("store.uri", "store://same");

    Config result = new Sink().validate(props);

    assertThat(result.configValues()).allSatisfy(v -> assertThat(v.errorMessages()).isEmpty());
  }

  @Test
  void shouldFailStartOnACrossFieldProblemNamingTheSetting() {
    assertThatThrownBy(() -> new Sink().start(props("both")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("store.mode")
        .hasMessageContaining("Pick one mode");
  }

  @Test
  void shouldStartWithADeprecatedNameAlone() {
    Sink sink = new Sink();
    Map<String, String> props = props("plain");
    props.put("store.url", "store://here");

    sink.start(props);

    assertThat(sink.taskConfigs(1).get(0)).containsEntry("store.url", "store://here");
  }

  @Test
  void shouldFailStartWhenBothNamesDisagree() {
    Map<String, String> props = props("plain");
    props.put("store.url", "store://old");
    props.put("store.uri", "store://new");

    assertThatThrownBy(() -> new Sink().start(props))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("store.url")
        .hasMessageContaining("remove store.url");
  }

  private static ConfigValue value(Config result, String name) {
    return result.configValues().stream()
        .filter(v -> v.name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
