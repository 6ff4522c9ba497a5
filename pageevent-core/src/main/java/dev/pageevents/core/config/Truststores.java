package dev.pageevents.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;

/**
 * Builds the TLS context of a store client from a configured truststore, failing on the setting to
 * fix when the file cannot be read.
 */
public final class Truststores {
  private Truststores() {}

  /**
   * A TLS context that trusts the certificates in the truststore (JKS or PKCS12) at {@code path}.
   *
   * @param pathConfig the setting that named the path, reported on failure
   * @param passwordConfig the setting of its password, named in the failure
   */
  public static SSLContext sslContext(
      String path, String password, String pathConfig, String passwordConfig) {
    try (InputStream in = Files.newInputStream(Path.of(path))) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(in, password.toCharArray());
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigException(
          pathConfig,
          path,
          "Cannot load the truststore (check the path, its format and "
              + passwordConfig
              + "): "
              + e.getMessage());
    }
  }
}
