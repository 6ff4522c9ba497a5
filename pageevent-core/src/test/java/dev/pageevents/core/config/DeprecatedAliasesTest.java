package dev.pageevents.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class DeprecatedAliasesTest {
  private static ConfigDef definition() {
    ConfigDef def =
        PageEventSinkConfig.withSharedGroups(
            new ConfigDef()
                .define(
                    "store.username",
                    Type.STRING,
                    "",
                    Importance.MEDIUM,
                    "User.",
                    "Connection",
                    1,
                    Width.MEDIUM,
                    "User")
                .define(
                    "store.password",
                    Type.PASSWORD,
                    "",
                    Importance.MEDIUM,
                    "Password.",
                    "Connection",
                    2,
                    Width.MEDIUM,
                    "Password"),
            100);
    DeprecatedAliases.alias(def, "store.user", "store.username");
    return DeprecatedAliases.alias(def, "store.pass", "store.password");
  }

  private static final ConfigDef DEF = definition();

  @Test
  void shouldReadADeprecatedNameAsItsNewName() {
    PageEventSinkConfig config =
        new PageEventSinkConfig(DEF, Map.of("store.user", "ann", "store.pass", "secret"));

    assertThat(config.getString("store.username")).isEqualTo("ann");
    assertThat(config.getPassword("store.password").value()).isEqualTo("secret");
    assertThat(config.getString("store.user")).isNull();
  }

  @Test
  void shouldPreferNothingWhenBothNamesDisagreeButNameTheDeprecatedOne() {
    assertThatThrownBy(
            () ->
                new PageEventSinkConfig(
                    DEF, Map.of("store.pass", "old-secret", "store.password", "new-secret")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("store.pass")
        .hasMessageNotContaining("old-secret")
        .hasMessageNotContaining("new-secret");
  }

  @Test
  void shouldDefineTheAliasLikeItsNewSettingButDeprecated() {
    ConfigDef.ConfigKey alias = DEF.configKeys().get("store.pass");

    assertThat(alias.type).isEqualTo(Type.PASSWORD);
    assertThat(alias.group).isEqualTo("Connection");
    assertThat(alias.documentation).startsWith("Deprecated").contains("store.password");
    assertThat(alias.displayName).contains("deprecated");
    assertThat(DeprecatedAliases.in(DEF).newByOld())
        .isEqualTo(Map.of("store.user", "store.username", "store.pass", "store.password"));
  }

  @Test
  void shouldRefuseAnAliasOfAnUndefinedSetting() {
    assertThatThrownBy(() -> DeprecatedAliases.alias(new ConfigDef(), "a.old", "a.new"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a.new");
  }

  @Test
  void shouldGiveTheNewNameTheOldValueForValidationAndKeepTheOld() {
    assertThat(DeprecatedAliases.in(DEF).withNewNames(Map.of("store.user", "ann")))
        .isEqualTo(Map.of("store.user", "ann", "store.username", "ann"));
  }

  @Test
  void shouldShowDeprecatedNamesInTheReference() {
    String markdown = ConfigReference.markdown("TestConnector", DEF);

    assertThat(markdown)
        .contains("## Deprecated names")
        .contains("| `store.user` | `store.username` |")
        .contains("| `store.pass` | `store.password` |")
        .contains("Formerly `store.user` (deprecated, still accepted).");
    assertThat(markdown.substring(0, markdown.indexOf("## Deprecated names")))
        .doesNotContain("| `store.user` |");
  }

  @Test
  void shouldShowTheValueOfASecretAliasAsAPassword() {
    assertThat(
            new PageEventSinkConfig(DEF, Map.of("store.pass", new Password("s")))
                .getPassword("store.password")
                .value())
        .isEqualTo("s");
  }
}
