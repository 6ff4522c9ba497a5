package dev.pageevents.neo4j;

import dev.pageevents.core.config.DeprecatedAliases;
import dev.pageevents.core.config.OffsetReset;
import dev.pageevents.core.config.PageEventSinkConfig;
import dev.pageevents.core.config.VisibleWhen;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigDef.Width;

/** Settings of the Neo4j graph sink: connection, encryption and trust, graph options. */
public final class Neo4jSinkConfig extends PageEventSinkConfig {
  public static final String CONNECTION_GROUP = "Connection";
  public static final String GRAPH_GROUP = "Graph";

  public static final String URI_CONFIG = "neo4j.uri";
  private static final String URI_DOC =
      "Bolt URI: bolt://host:7687 (one server) or neo4j://host:7687 (routing); the +s and +ssc"
          + " schemes (neo4j+s://...) turn on TLS with system or self-signed trust.";
  public static final String USER_CONFIG = "neo4j.username";
  private static final String USER_DOC = "User name; empty for a server without authentication.";
  public static final String PASSWORD_CONFIG = "neo4j.password";
  private static final String PASSWORD_DOC = "Password of the user.";
  public static final String DATABASE_CONFIG = "neo4j.database";
  private static final String DATABASE_DOC = "Database the graph is written to.";
  public static final String SSL_ENABLED_CONFIG = "neo4j.ssl.enabled";
  private static final String SSL_ENABLED_DOC =
      "TLS for bolt:// and neo4j:// URIs (ignored for +s/+ssc URIs, which set it themselves).";
  public static final String TRUST_CONFIG = "neo4j.ssl.trust.strategy";
  public static final String CUSTOM_CA = "CUSTOM_CA";
  private static final String TRUST_DOC =
      "Which server certificates to trust with TLS on: SYSTEM (the JVM's CAs), CUSTOM_CA"
          + " (neo4j.ssl.ca.location) or ALL (testing only).";
  public static final String CA_LOCATION_CONFIG = "neo4j.ssl.ca.location";
  private static final String CA_LOCATION_DOC = "PEM file with the CA certificate, for CUSTOM_CA.";
  public static final String NEXT_CONFIG = "neo4j.next.enabled";
  private static final String NEXT_DOC =
      "Also count (:Page)-[:NEXT]->(:Page) for each user's consecutive visits. Meaningful only when"
          + " the topic is keyed by user, so that a user's visits stay in order in one partition.";

  public static final int BATCH_SIZE_DEFAULT = 1_000;

  public static final ConfigDef CONFIG_DEF =
      withOffsetReset(withSharedGroups(ownGroups(), BATCH_SIZE_DEFAULT), OffsetReset.REFUSE);

  public Neo4jSinkConfig(Map<String, ?> props) {
    super(CONFIG_DEF, props);
  }

  private static ConfigDef ownGroups() {
    int c = 0;
    ConfigDef def =
        new ConfigDef()
            .define(
                URI_CONFIG,
                Type.STRING,
                ConfigDef.NO_DEFAULT_VALUE,
                Neo4jValidators.BOLT_URI,
                Importance.HIGH,
                URI_DOC,
                CONNECTION_GROUP,
                ++c,
                Width.LONG,
                "URI")
            .define(
                USER_CONFIG,
                Type.STRING,
                "neo4j",
                Importance.HIGH,
                USER_DOC,
                CONNECTION_GROUP,
                ++c,
                Width.MEDIUM,
                "User")
            .define(
                PASSWORD_CONFIG,
                Type.PASSWORD,
                "",
                Importance.HIGH,
                PASSWORD_DOC,
                CONNECTION_GROUP,
                ++c,
                Width.MEDIUM,
                "Password")
            .define(
                DATABASE_CONFIG,
                Type.STRING,
                "neo4j",
                new ConfigDef.NonEmptyString(),
                Importance.MEDIUM,
                DATABASE_DOC,
                CONNECTION_GROUP,
                ++c,
                Width.MEDIUM,
                "Database")
            .define(
                SSL_ENABLED_CONFIG,
                Type.BOOLEAN,
                false,
                Importance.MEDIUM,
                SSL_ENABLED_DOC,
                CONNECTION_GROUP,
                ++c,
                Width.SHORT,
                "TLS")
            .define(
                TRUST_CONFIG,
                Type.STRING,
                "SYSTEM",
                ValidString.in("SYSTEM", CUSTOM_CA, "ALL"),
                Importance.LOW,
                TRUST_DOC,
                CONNECTION_GROUP,
                ++c,
                Width.SHORT,
                "Trust strategy",
                VisibleWhen.equalTo(SSL_ENABLED_CONFIG, true))
            .define(
                CA_LOCATION_CONFIG,
                Type.STRING,
                "",
                Importance.LOW,
                CA_LOCATION_DOC,
                CONNECTION_GROUP,
                ++c,
                Width.LONG,
                "CA file",
                VisibleWhen.equalTo(TRUST_CONFIG, CUSTOM_CA))
            .define(
                NEXT_CONFIG,
                Type.BOOLEAN,
                false,
                Importance.LOW,
                NEXT_DOC,
                GRAPH_GROUP,
                1,
                Width.SHORT,
                "NEXT relationships");
    DeprecatedAliases.alias(def, "neo4j.user", USER_CONFIG);
    DeprecatedAliases.alias(def, "neo4j.encryption.enabled", SSL_ENABLED_CONFIG);
    DeprecatedAliases.alias(def, "neo4j.trust.strategy", TRUST_CONFIG);
    return DeprecatedAliases.alias(def, "neo4j.trust.ca.file", CA_LOCATION_CONFIG);
  }

  /** CUSTOM_CA trust without its CA file, or a CA file that another trust strategy ignores. */
  @Override
  public Map<String, String> crossFieldProblems() {
    boolean customCa = CUSTOM_CA.equals(getString(TRUST_CONFIG));
    boolean caGiven = !getString(CA_LOCATION_CONFIG).isBlank();
    if (customCa && !caGiven) {
      return Map.of(
          CA_LOCATION_CONFIG, "Set the CA certificate file when " + TRUST_CONFIG + "=" + CUSTOM_CA);
    }
    if (!customCa && caGiven) {
      return Map.of(
          TRUST_CONFIG, "A CA file is given but not used: set " + TRUST_CONFIG + "=" + CUSTOM_CA);
    }
    return Map.of();
  }

  public String password() {
    return secret(PASSWORD_CONFIG);
  }

  public String database() {
    return getString(DATABASE_CONFIG);
  }

  public boolean nextEnabled() {
    return getBoolean(NEXT_CONFIG);
  }
}
