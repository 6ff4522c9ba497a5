package dev.pageevents.neo4j;

import java.io.File;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/** Creates the Neo4j driver the config describes: URI, auth, encryption and trust. */
public final class Neo4jDrivers {
  private Neo4jDrivers() {}

  /** A driver for the configured server; the caller closes it. */
  public static Driver create(Neo4jSinkConfig config) {
    URI uri = URI.create(config.getString(Neo4jSinkConfig.URI_CONFIG));
    String user = config.getString(Neo4jSinkConfig.USER_CONFIG);
    AuthToken auth = user.isEmpty() ? AuthTokens.none() : AuthTokens.basic(user, config.password());
    Config.ConfigBuilder builder =
        Config.builder()
            .withConnectionTimeout(10, TimeUnit.SECONDS)
            // The write pipeline retries with its own backoff; the driver should not add more.
            .withMaxTransactionRetryTime(0, TimeUnit.MILLISECONDS)
            .withUserAgent("pageevents-neo4j-sink");
    if (!uri.getScheme().contains("+")) {
      if (config.getBoolean(Neo4jSinkConfig.SSL_ENABLED_CONFIG)) {
        builder.withEncryption().withTrustStrategy(trust(config));
      } else {
        builder.withoutEncryption();
      }
    }
    return GraphDatabase.driver(uri, auth, builder.build());
  }

  private static Config.TrustStrategy trust(Neo4jSinkConfig config) {
    return switch (config.getString(Neo4jSinkConfig.TRUST_CONFIG)) {
      case "ALL" -> Config.TrustStrategy.trustAllCertificates();
      case Neo4jSinkConfig.CUSTOM_CA ->
          Config.TrustStrategy.trustCustomCertificateSignedBy(
              new File(config.getString(Neo4jSinkConfig.CA_LOCATION_CONFIG)));
      default -> Config.TrustStrategy.trustSystemCertificates();
    };
  }
}
