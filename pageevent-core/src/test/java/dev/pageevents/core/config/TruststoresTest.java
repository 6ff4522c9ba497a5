package dev.pageevents.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruststoresTest {
  @TempDir Path dir;

  @Test
  void shouldBuildATlsContextFromAReadableTruststore() throws Exception {
    Path file = dir.resolve("trust.p12");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, "secret".toCharArray());
    }

    assertThat(Truststores.sslContext(file.toString(), "secret", "x.path", "x.password"))
        .isNotNull()
        .extracting(context -> context.getProtocol())
        .isEqualTo("TLS");
  }

  @Test
  void shouldReportAnUnreadableTruststoreOnThePathSettingNamingThePasswordSetting() {
    String missing = dir.resolve("missing.jks").toString();

    assertThatThrownBy(() -> Truststores.sslContext(missing, "", "x.path", "x.password"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("x.path")
        .hasMessageContaining(missing)
        .hasMessageContaining("x.password");
  }
}
