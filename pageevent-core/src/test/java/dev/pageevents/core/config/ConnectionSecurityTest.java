package dev.pageevents.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.junit.jupiter.api.Test;

class ConnectionSecurityTest {
  private static final String GROUP = "Connection";

  private static ConfigDef defined() {
    ConfigDef def = new ConfigDef();
    int order =
        new ConnectionSecurity(def, GROUP, 3)
            .user("s.user", "user doc", "User")
            .password("s.password", "password doc")
            .tls("s.tls", "tls doc")
            .truststore("s.trust", "trust doc", "Trust")
            .truststorePassword("s.trust.password", "trust password doc", "Trust password")
            .order();
    assertThat(order).isEqualTo(8);
    return def;
  }

  @Test
  void shouldDefineEachSettingNextInTheGroupWithTheSinksNamesDocsAndDisplays() {
    ConfigDef def = defined();

    assertThat(def.configKeys().keySet())
        .containsExactly("s.user", "s.password", "s.tls", "s.trust", "s.trust.password");
    assertThat(def.configKeys().values()).allMatch(key -> key.group.equals(GROUP));
    assertThat(def.configKeys().values().stream().map(key -> key.orderInGroup))
        .containsExactly(4, 5, 6, 7, 8);
    assertThat(def.configKeys().get("s.trust").documentation).isEqualTo("trust doc");
    assertThat(def.configKeys().get("s.trust.password").displayName).isEqualTo("Trust password");
    assertThat(def.configKeys().get("s.password").displayName).isEqualTo("Password");
    assertThat(def.configKeys().get("s.tls").displayName).isEqualTo("TLS");
  }

  @Test
  void shouldKeepSecretsAsPasswordsAndEverythingOffOrEmptyUnlessSet() {
    ConfigDef def = defined();

    assertKey(def.configKeys().get("s.user"), Type.STRING, "", Importance.MEDIUM, Width.MEDIUM);
    assertKey(
        def.configKeys().get("s.password"), Type.PASSWORD, "", Importance.MEDIUM, Width.MEDIUM);
    assertKey(def.configKeys().get("s.tls"), Type.BOOLEAN, false, Importance.MEDIUM, Width.SHORT);
    assertKey(def.configKeys().get("s.trust"), Type.STRING, "", Importance.LOW, Width.LONG);
    assertKey(
        def.configKeys().get("s.trust.password"), Type.PASSWORD, "", Importance.LOW, Width.MEDIUM);
  }

  private static void assertKey(
      ConfigKey key, Type type, Object unset, Importance importance, Width width) {
    assertThat(key.type).isEqualTo(type);
    assertThat(ConfigDef.parseType(key.name, key.defaultValue, type))
        .isEqualTo(ConfigDef.parseType(key.name, unset, type));
    assertThat(key.importance).isEqualTo(importance);
    assertThat(key.width).isEqualTo(width);
  }
}
