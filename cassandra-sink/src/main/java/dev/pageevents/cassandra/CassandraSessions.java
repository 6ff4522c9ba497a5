package dev.pageevents.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import java.time.Duration;
import java.util.List;

/**
 * Opens driver sessions from the connector's settings. Everything is set in code (no
 * application.conf), with the plugin's own class loader so the driver finds its reference.conf
 * inside Connect's plugin isolation.
 */
public final class CassandraSessions {
  /** Reconnect soon after a node returns: first after 500 ms, then at most every 5 s. */
  static final Duration RECONNECT_BASE = Duration.ofMillis(500);

  static final Duration RECONNECT_MAX = Duration.ofSeconds(5);

  private CassandraSessions() {}

  /** Connects to the cluster; the caller closes the session. */
  public static CqlSession open(CassandraSinkConfig config) {
    return CqlSession.builder()
        .withClassLoader(classLoader())
        .withConfigLoader(configLoader(config))
        .addContactPoints(config.contactPoints())
        .withLocalDatacenter(config.localDatacenter())
        .build();
  }

  /** The driver settings derived from the connector's: timeouts, auth, TLS, consistency. */
  static DriverConfigLoader configLoader(CassandraSinkConfig config) {
    Duration timeout = Duration.ofMillis(config.requestTimeoutMs());
    ProgrammaticDriverConfigLoaderBuilder builder =
        DriverConfigLoader.programmaticBuilder(classLoader())
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, timeout)
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, timeout)
            .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, timeout)
            .withString(DefaultDriverOption.REQUEST_CONSISTENCY, config.consistency().name())
            .withBoolean(DefaultDriverOption.REQUEST_DEFAULT_IDEMPOTENCE, true)
            .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, RECONNECT_BASE)
            .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, RECONNECT_MAX)
            .withStringList(
                DefaultDriverOption.METADATA_SCHEMA_REFRESHED_KEYSPACES,
                List.of(config.keyspace().asInternal()));
    if (!config.username().isEmpty()) {
      builder
          .withString(DefaultDriverOption.AUTH_PROVIDER_CLASS, "PlainTextAuthProvider")
          .withString(DefaultDriverOption.AUTH_PROVIDER_USER_NAME, config.username())
          .withString(DefaultDriverOption.AUTH_PROVIDER_PASSWORD, config.password());
    }
    if (config.sslEnabled()) {
      builder
          .withString(DefaultDriverOption.SSL_ENGINE_FACTORY_CLASS, "DefaultSslEngineFactory")
          .withBoolean(DefaultDriverOption.SSL_HOSTNAME_VALIDATION, config.hostnameValidation());
      if (!config.truststoreLocation().isEmpty()) {
        builder
            .withString(DefaultDriverOption.SSL_TRUSTSTORE_PATH, config.truststoreLocation())
            .withString(DefaultDriverOption.SSL_TRUSTSTORE_PASSWORD, config.truststorePassword());
      }
    }
    return builder.build();
  }

  private static ClassLoader classLoader() {
    return CassandraSessions.class.getClassLoader();
  }
}
