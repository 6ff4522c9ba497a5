package dev.pageevents.elasticsearch;

import dev.pageevents.core.config.DeprecatedAliases;
import dev.pageevents.core.config.OffsetReset;
import dev.pageevents.core.config.PageEventSinkConfig;
import dev.pageevents.core.config.VisibleWhen;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.NonEmptyString;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** Settings of the Elasticsearch sink: cluster and credentials, index naming, bulk requests. */
public final class ElasticsearchSinkConfig extends PageEventSinkConfig {
  public static final String CONNECTION_GROUP = "Connection";
  public static final String INDEX_GROUP = "Index";

  public static final String URLS_CONFIG = "elasticsearch.urls";
  private static final String URLS_DOC =
      "One or more Elasticsearch HTTP endpoints, comma-separated, e.g."
          + " https://es1:9200,https://es2:9200. Requests are spread over them.";
  public static final String URLS_DEFAULT = "http://localhost:9200";
  public static final String USERNAME_CONFIG = "elasticsearch.username";
  private static final String USERNAME_DOC = "User for HTTP basic authentication; empty for none.";
  public static final String PASSWORD_CONFIG = "elasticsearch.password";
  private static final String PASSWORD_DOC = "Password of elasticsearch.username.";
  public static final String API_KEY_CONFIG = "elasticsearch.api.key";
  private static final String API_KEY_DOC =
      "Base64 API key (the 'encoded' value Elasticsearch returns), used instead of a username.";
  public static final String TRUSTSTORE_LOCATION_CONFIG = "elasticsearch.ssl.truststore.location";
  private static final String TRUSTSTORE_LOCATION_DOC =
      "Truststore (PKCS12 or JKS) with the CA of the cluster's HTTPS certificate; empty uses the"
          + " JVM's default trust.";
  public static final String TRUSTSTORE_PASSWORD_CONFIG = "elasticsearch.ssl.truststore.password";
  private static final String TRUSTSTORE_PASSWORD_DOC = "Password of the truststore.";
  public static final String CONNECT_TIMEOUT_CONFIG = "elasticsearch.connect.timeout.ms";
  private static final String CONNECT_TIMEOUT_DOC = "Timeout to open a connection.";
  public static final String READ_TIMEOUT_CONFIG = "elasticsearch.read.timeout.ms";
  private static final String READ_TIMEOUT_DOC =
      "Timeout waiting for a response; a bulk that takes longer is retried.";

  public static final String INDEX_PATTERN_CONFIG = "index.pattern";
  private static final String INDEX_PATTERN_DOC =
      "Index name of each event: fixed lowercase text with placeholders, {topic} for the"
          + " record's topic and {<date pattern>} for the event time in UTC, e.g."
          + " pageevents-{yyyy.MM.dd} (one index per day) or pageevents-{topic}. Must start with"
          + " fixed text, which the index template matches.";
  public static final String INDEX_PATTERN_DEFAULT = "pageevents-{yyyy.MM.dd}";
  public static final String TEMPLATE_NAME_CONFIG = "index.template.name";
  private static final String TEMPLATE_NAME_DOC =
      "Name of the index template the sink creates (or replaces) at start.";
  public static final String TEMPLATE_NAME_DEFAULT = "pageevents";
  public static final String SHARDS_CONFIG = "index.number.of.shards";
  private static final String SHARDS_DOC = "Primary shards of each new index.";
  public static final String REPLICAS_CONFIG = "index.number.of.replicas";
  private static final String REPLICAS_DOC =
      "Replicas of each shard; 0 on a single-node cluster, otherwise indices stay yellow.";

  public static final String BULK_MAX_ACTIONS_CONFIG = "bulk.max.actions";
  private static final String BULK_MAX_ACTIONS_DOC = "Most documents in one bulk request.";
  public static final String BULK_MAX_BYTES_CONFIG = "bulk.max.bytes";
  private static final String BULK_MAX_BYTES_DOC =
      "Most (estimated) bytes of documents in one bulk request.";
  public static final String MAX_IN_FLIGHT_CONFIG = "max.in.flight.requests";
  private static final String MAX_IN_FLIGHT_DOC =
      "Bulk requests sent concurrently; a batch is spread over at least this many when it has"
          + " enough documents. Offsets commit only after every request of the batch succeeded.";

  public static final int BATCH_SIZE_DEFAULT = 2000;

  /** Fewest documents worth a bulk request of their own when a batch is spread. */
  static final int MIN_ACTIONS_PER_REQUEST = 50;

  public static final ConfigDef CONFIG_DEF = definition();

  public ElasticsearchSinkConfig(Map<String, ?> props) {
    super(CONFIG_DEF, props);
  }

  private static ConfigDef definition() {
    ConfigDef def = new ConfigDef();
    int order = 0;
    def.define(
        URLS_CONFIG,
        Type.LIST,
        URLS_DEFAULT,
        ElasticsearchValidators.URLS,
        Importance.HIGH,
        URLS_DOC,
        CONNECTION_GROUP,
        ++order,
        Width.LONG,
        "URLs");
    def.define(
        USERNAME_CONFIG,
        Type.STRING,
        "",
        Importance.MEDIUM,
        USERNAME_DOC,
        CONNECTION_GROUP,
        ++order,
        Width.MEDIUM,
        "Username",
        VisibleWhen.notSet(API_KEY_CONFIG));
    def.define(
        PASSWORD_CONFIG,
        Type.PASSWORD,
        null,
        Importance.MEDIUM,
        PASSWORD_DOC,
        CONNECTION_GROUP,
        ++order,
        Width.MEDIUM,
        "Password",
        VisibleWhen.notSet(API_KEY_CONFIG));
    def.define(
        API_KEY_CONFIG,
        Type.PASSWORD,
        null,
        Importance.MEDIUM,
        API_KEY_DOC,
        CONNECTION_GROUP,
        ++order,
        Width.LONG,
        "API key",
        VisibleWhen.notSet(USERNAME_CONFIG));
    def.define(
        TRUSTSTORE_LOCATION_CONFIG,
        Type.STRING,
        "",
        Importance.LOW,
        TRUSTSTORE_LOCATION_DOC,
        CONNECTION_GROUP,
        ++order,
        Width.LONG,
        "Truststore");
    def.define(
        TRUSTSTORE_PASSWORD_CONFIG,
        Type.PASSWORD,
        null,
        Importance.LOW,
        TRUSTSTORE_PASSWORD_DOC,
        CONNECTION_GROUP,
        ++order,
        Width.MEDIUM,
        "Truststore password");
    def.define(
        CONNECT_TIMEOUT_CONFIG,
        Type.INT,
        5_000,
        Range.atLeast(1),
        Importance.LOW,
        CONNECT_TIMEOUT_DOC,
        CONNECTION_GROUP,
        ++order,
        Width.SHORT,
        "Connect timeout (ms)");
    def.define(
        READ_TIMEOUT_CONFIG,
        Type.INT,
        30_000,
        Range.atLeast(1),
        Importance.LOW,
        READ_TIMEOUT_DOC,
        CONNECTION_GROUP,
        ++order,
        Width.SHORT,
        "Read timeout (ms)");

    order = 0;
    def.define(
        INDEX_PATTERN_CONFIG,
        Type.STRING,
        INDEX_PATTERN_DEFAULT,
        ElasticsearchValidators.INDEX_PATTERN,
        Importance.HIGH,
        INDEX_PATTERN_DOC,
        INDEX_GROUP,
        ++order,
        Width.LONG,
        "Index pattern");
    def.define(
        TEMPLATE_NAME_CONFIG,
        Type.STRING,
        TEMPLATE_NAME_DEFAULT,
        new NonEmptyString(),
        Importance.LOW,
        TEMPLATE_NAME_DOC,
        INDEX_GROUP,
        ++order,
        Width.MEDIUM,
        "Template name");
    def.define(
        SHARDS_CONFIG,
        Type.INT,
        1,
        Range.between(1, 1024),
        Importance.MEDIUM,
        SHARDS_DOC,
        INDEX_GROUP,
        ++order,
        Width.SHORT,
        "Shards");
    def.define(
        REPLICAS_CONFIG,
        Type.INT,
        1,
        Range.between(0, 16),
        Importance.MEDIUM,
        REPLICAS_DOC,
        INDEX_GROUP,
        ++order,
        Width.SHORT,
        "Replicas");

    def.define(
        BULK_MAX_ACTIONS_CONFIG,
        Type.INT,
        500,
        Range.between(1, 100_000),
        Importance.MEDIUM,
        BULK_MAX_ACTIONS_DOC,
        WRITES_GROUP,
        2,
        Width.SHORT,
        "Bulk max documents");
    def.define(
        BULK_MAX_BYTES_CONFIG,
        Type.LONG,
        5L * 1024 * 1024,
        Range.atLeast(1024),
        Importance.LOW,
        BULK_MAX_BYTES_DOC,
        WRITES_GROUP,
        3,
        Width.SHORT,
        "Bulk max bytes");
    def.define(
        MAX_IN_FLIGHT_CONFIG,
        Type.INT,
        2,
        Range.between(1, 32),
        Importance.MEDIUM,
        MAX_IN_FLIGHT_DOC,
        WRITES_GROUP,
        4,
        Width.SHORT,
        "Bulk requests in flight");
    withDeletes(def, 5);
    DeprecatedAliases.alias(def, "connection.urls", URLS_CONFIG);
    DeprecatedAliases.alias(def, "connection.username", USERNAME_CONFIG);
    DeprecatedAliases.alias(def, "connection.password", PASSWORD_CONFIG);
    DeprecatedAliases.alias(def, "connection.api.key", API_KEY_CONFIG);
    DeprecatedAliases.alias(def, "connection.truststore.path", TRUSTSTORE_LOCATION_CONFIG);
    DeprecatedAliases.alias(def, "connection.truststore.password", TRUSTSTORE_PASSWORD_CONFIG);
    DeprecatedAliases.alias(def, "connection.timeout.ms", CONNECT_TIMEOUT_CONFIG);
    DeprecatedAliases.alias(def, "read.timeout.ms", READ_TIMEOUT_CONFIG);
    return withOffsetReset(withSharedGroups(def, BATCH_SIZE_DEFAULT), OffsetReset.REPLAY);
  }

  public List<String> urls() {
    return getList(URLS_CONFIG);
  }

  public String username() {
    return getString(USERNAME_CONFIG).trim();
  }

  public String password() {
    return secret(PASSWORD_CONFIG);
  }

  public String apiKey() {
    return secret(API_KEY_CONFIG);
  }

  public String truststoreLocation() {
    return getString(TRUSTSTORE_LOCATION_CONFIG).trim();
  }

  public String truststorePassword() {
    return secret(TRUSTSTORE_PASSWORD_CONFIG);
  }

  public int connectTimeoutMs() {
    return getInt(CONNECT_TIMEOUT_CONFIG);
  }

  public int readTimeoutMs() {
    return getInt(READ_TIMEOUT_CONFIG);
  }

  public IndexPattern indexPattern() {
    return new IndexPattern(getString(INDEX_PATTERN_CONFIG));
  }

  public String templateName() {
    return getString(TEMPLATE_NAME_CONFIG);
  }

  public int shards() {
    return getInt(SHARDS_CONFIG);
  }

  public int replicas() {
    return getInt(REPLICAS_CONFIG);
  }

  public BulkPlan bulkPlan() {
    return new BulkPlan(
        getInt(BULK_MAX_ACTIONS_CONFIG),
        getLong(BULK_MAX_BYTES_CONFIG),
        getInt(MAX_IN_FLIGHT_CONFIG),
        MIN_ACTIONS_PER_REQUEST);
  }

  /**
   * Username together with an API key; a username without password or the other way round; a
   * truststore password without its truststore; bulk requests larger than a batch.
   */
  @Override
  public Map<String, String> crossFieldProblems() {
    Map<String, String> problems = new LinkedHashMap<>();
    if (!username().isEmpty() && !apiKey().isEmpty()) {
      problems.put(
          API_KEY_CONFIG,
          "Set either "
              + USERNAME_CONFIG
              + "/"
              + PASSWORD_CONFIG
              + " or "
              + API_KEY_CONFIG
              + ", not both");
    }
    userNeedsPassword(problems, USERNAME_CONFIG, PASSWORD_CONFIG);
    passwordNeedsUser(problems, USERNAME_CONFIG, PASSWORD_CONFIG);
    truststoreProblems(problems, null, TRUSTSTORE_LOCATION_CONFIG, TRUSTSTORE_PASSWORD_CONFIG);
    if (getInt(BULK_MAX_ACTIONS_CONFIG) > getInt(BATCH_SIZE_CONFIG)) {
      problems.put(
          BULK_MAX_ACTIONS_CONFIG,
          BULK_MAX_ACTIONS_CONFIG
              + " is larger than "
              + BATCH_SIZE_CONFIG
              + "; it can never be reached");
    }
    return problems;
  }
}
