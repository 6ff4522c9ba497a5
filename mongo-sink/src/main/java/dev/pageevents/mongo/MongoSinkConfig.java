package dev.pageevents.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.WriteConcern;
import com.mongodb.client.model.TimeSeriesGranularity;
import dev.pageevents.core.config.DeprecatedAliases;
import dev.pageevents.core.config.OffsetReset;
import dev.pageevents.core.config.PageEventSinkConfig;
import dev.pageevents.core.config.VisibleWhen;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.NonEmptyString;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/** Settings of the MongoDB sink: where to connect, which collection, how durable each write is. */
public final class MongoSinkConfig extends PageEventSinkConfig {
  public static final String CONNECTION_GROUP = "Connection";

  public static final String CONNECTION_URI_CONFIG = "mongodb.uri";
  private static final String CONNECTION_URI_DOC =
      "MongoDB connection string, e.g. mongodb://user:pass@host1:27017,host2:27017/?replicaSet=rs0"
          + "&tls=true. Credentials, TLS and replica set options all go here; it is masked by the"
          + " REST API.";
  private static final String CONNECTION_URI_DISPLAY = "Connection string";

  public static final String DATABASE_CONFIG = "mongodb.database";
  private static final String DATABASE_DOC = "Database the events are written to.";
  public static final String DATABASE_DEFAULT = "pageevents";
  private static final String DATABASE_DISPLAY = "Database";

  public static final String COLLECTION_CONFIG = "mongodb.collection";
  private static final String COLLECTION_DOC =
      "Collection the events are written to; empty uses the record's topic name.";
  public static final String COLLECTION_DEFAULT = "";
  private static final String COLLECTION_DISPLAY = "Collection";

  public static final String SERVER_SELECTION_TIMEOUT_CONFIG =
      "mongodb.server.selection.timeout.ms";
  private static final String SERVER_SELECTION_TIMEOUT_DOC =
      "How long a write waits for a usable server (primary) before it fails as transient and"
          + " is retried.";
  public static final int SERVER_SELECTION_TIMEOUT_DEFAULT = 10_000;
  private static final String SERVER_SELECTION_TIMEOUT_DISPLAY = "Server selection timeout (ms)";

  public static final String WRITE_CONCERN_CONFIG = "write.concern";
  private static final String WRITE_CONCERN_DOC =
      "Write concern of every bulk write: 'majority' (survives a primary failover), a number of"
          + " members such as '1', or a tag set name. Offsets commit only after it is satisfied.";
  public static final String WRITE_CONCERN_DEFAULT = "majority";
  private static final String WRITE_CONCERN_DISPLAY = "Write concern";

  public static final String TIMESERIES_GROUP = "Time series";

  public static final String TIMESERIES_TIMEFIELD_CONFIG = "timeseries.timefield";
  private static final String TIMESERIES_TIMEFIELD_DOC =
      "Set to write a time-series collection (MongoDB 6.0+; deletes need 7.0+): the collection is"
          + " created at the first write with this time field, and the event time is stored under"
          + " this name instead of 'ts'. Time-series collections take no upserts and have no unique"
          + " _id, so writes are inserts that skip ids already stored in the batch's time range: a"
          + " redelivery or replay does not duplicate, but two tasks writing the same record at"
          + " once (a zombie task during a rebalance) can. An existing collection of the name that"
          + " is not time-series stops the task. Empty: a regular collection with idempotent"
          + " upserts by _id.";
  public static final String TIMESERIES_TIMEFIELD_DEFAULT = "";
  private static final String TIMESERIES_TIMEFIELD_DISPLAY = "Time field";

  public static final String TIMESERIES_METAFIELD_CONFIG = "timeseries.metafield";
  private static final String TIMESERIES_METAFIELD_DOC =
      "Document field used as the time-series metaField (what the buckets group by): 'page',"
          + " 'user', or empty for none. Only with timeseries.timefield.";
  public static final String TIMESERIES_METAFIELD_DEFAULT = "";
  private static final String TIMESERIES_METAFIELD_DISPLAY = "Meta field";

  public static final String TIMESERIES_GRANULARITY_CONFIG = "timeseries.granularity";
  private static final String TIMESERIES_GRANULARITY_DOC =
      "Bucket granularity of the time-series collection: the usual gap between two events of"
          + " one metaField value. Only used with timeseries.timefield.";
  public static final String TIMESERIES_GRANULARITY_DEFAULT = "seconds";
  private static final String TIMESERIES_GRANULARITY_DISPLAY = "Granularity";

  public static final int BATCH_SIZE_DEFAULT = 1000;

  public static final ConfigDef CONFIG_DEF = definition();

  public MongoSinkConfig(Map<String, ?> props) {
    super(CONFIG_DEF, props);
  }

  private static ConfigDef definition() {
    ConfigDef def = new ConfigDef();
    def.define(
        CONNECTION_URI_CONFIG,
        Type.PASSWORD,
        ConfigDef.NO_DEFAULT_VALUE,
        MongoValidators.CONNECTION_STRING,
        Importance.HIGH,
        CONNECTION_URI_DOC,
        CONNECTION_GROUP,
        1,
        Width.LONG,
        CONNECTION_URI_DISPLAY);
    def.define(
        DATABASE_CONFIG,
        Type.STRING,
        DATABASE_DEFAULT,
        new NonEmptyString(),
        Importance.HIGH,
        DATABASE_DOC,
        CONNECTION_GROUP,
        2,
        Width.MEDIUM,
        DATABASE_DISPLAY);
    def.define(
        COLLECTION_CONFIG,
        Type.STRING,
        COLLECTION_DEFAULT,
        MongoValidators.COLLECTION_NAME,
        Importance.MEDIUM,
        COLLECTION_DOC,
        CONNECTION_GROUP,
        3,
        Width.MEDIUM,
        COLLECTION_DISPLAY);
    def.define(
        SERVER_SELECTION_TIMEOUT_CONFIG,
        Type.INT,
        SERVER_SELECTION_TIMEOUT_DEFAULT,
        Range.atLeast(1),
        Importance.LOW,
        SERVER_SELECTION_TIMEOUT_DOC,
        CONNECTION_GROUP,
        4,
        Width.SHORT,
        SERVER_SELECTION_TIMEOUT_DISPLAY);
    def.define(
        WRITE_CONCERN_CONFIG,
        Type.STRING,
        WRITE_CONCERN_DEFAULT,
        MongoValidators.WRITE_CONCERN,
        Importance.MEDIUM,
        WRITE_CONCERN_DOC,
        WRITES_GROUP,
        2,
        Width.SHORT,
        WRITE_CONCERN_DISPLAY);
    withDeletes(def, 3);
    def.define(
        TIMESERIES_TIMEFIELD_CONFIG,
        Type.STRING,
        TIMESERIES_TIMEFIELD_DEFAULT,
        new TimeFieldValidator(),
        Importance.LOW,
        TIMESERIES_TIMEFIELD_DOC,
        TIMESERIES_GROUP,
        1,
        Width.SHORT,
        TIMESERIES_TIMEFIELD_DISPLAY);
    def.define(
        TIMESERIES_METAFIELD_CONFIG,
        Type.STRING,
        TIMESERIES_METAFIELD_DEFAULT,
        ValidString.in("", MongoDocuments.PAGE, MongoDocuments.USER),
        Importance.LOW,
        TIMESERIES_METAFIELD_DOC,
        TIMESERIES_GROUP,
        2,
        Width.SHORT,
        TIMESERIES_METAFIELD_DISPLAY,
        VisibleWhen.set(TIMESERIES_TIMEFIELD_CONFIG));
    def.define(
        TIMESERIES_GRANULARITY_CONFIG,
        Type.STRING,
        TIMESERIES_GRANULARITY_DEFAULT,
        ValidString.in("seconds", "minutes", "hours"),
        Importance.LOW,
        TIMESERIES_GRANULARITY_DOC,
        TIMESERIES_GROUP,
        3,
        Width.SHORT,
        TIMESERIES_GRANULARITY_DISPLAY,
        VisibleWhen.set(TIMESERIES_TIMEFIELD_CONFIG));
    DeprecatedAliases.alias(def, "connection.uri", CONNECTION_URI_CONFIG);
    DeprecatedAliases.alias(def, "database", DATABASE_CONFIG);
    DeprecatedAliases.alias(def, "collection", COLLECTION_CONFIG);
    DeprecatedAliases.alias(def, "server.selection.timeout.ms", SERVER_SELECTION_TIMEOUT_CONFIG);
    return withOffsetReset(withSharedGroups(def, BATCH_SIZE_DEFAULT), OffsetReset.REPLAY);
  }

  public ConnectionString connectionString() {
    return new ConnectionString(getPassword(CONNECTION_URI_CONFIG).value());
  }

  public String database() {
    return getString(DATABASE_CONFIG);
  }

  /** The configured collection, or null to use each record's topic. */
  public String collection() {
    String name = getString(COLLECTION_CONFIG);
    return name == null || name.isBlank() ? null : name.trim();
  }

  /** The time-series mode, or null for a regular collection. */
  TimeSeries timeSeries() {
    String timeField = getString(TIMESERIES_TIMEFIELD_CONFIG).trim();
    if (timeField.isEmpty()) {
      return null;
    }
    String metaField = getString(TIMESERIES_METAFIELD_CONFIG);
    return new TimeSeries(
        timeField,
        metaField.isEmpty() ? null : metaField,
        TimeSeriesGranularity.valueOf(
            getString(TIMESERIES_GRANULARITY_CONFIG).toUpperCase(Locale.ROOT)));
  }

  public int serverSelectionTimeoutMs() {
    return getInt(SERVER_SELECTION_TIMEOUT_CONFIG);
  }

  public WriteConcern writeConcern() {
    return parseWriteConcern(getString(WRITE_CONCERN_CONFIG));
  }

  static WriteConcern parseWriteConcern(String value) {
    String text = value.trim();
    if (text.matches("\\d{1,3}")) {
      return new WriteConcern(Integer.parseInt(text));
    }
    return new WriteConcern(text);
  }

  /** A time-series meta field without the time field that makes the collection time-series. */
  @Override
  public Map<String, String> crossFieldProblems() {
    if (timeSeries() == null && !getString(TIMESERIES_METAFIELD_CONFIG).isEmpty()) {
      return Map.of(
          TIMESERIES_TIMEFIELD_CONFIG,
          TIMESERIES_METAFIELD_CONFIG
              + " is set but the collection is not time-series: set "
              + TIMESERIES_TIMEFIELD_CONFIG
              + " (e.g. ts) or remove "
              + TIMESERIES_METAFIELD_CONFIG);
    }
    return Map.of();
  }

  /** Empty, or a plain field name that is not one of the document's other fields. */
  static final class TimeFieldValidator implements ConfigDef.Validator {
    private static final Set<String> TAKEN =
        Set.of(
            MongoDocuments.ID,
            MongoDocuments.PAGE,
            MongoDocuments.USER,
            MongoDocuments.DURATION_MS);

    @Override
    public void ensureValid(String name, Object value) {
      String text = value == null ? "" : value.toString().trim();
      if (text.isEmpty()) {
        return;
      }
      if (!text.matches("[A-Za-z_][A-Za-z0-9_]{0,63}") || TAKEN.contains(text)) {
        throw new ConfigException(
            name,
            value,
            "Use a plain field name (letters, digits, '_'; no '$' or '.') other than "
                + TAKEN
                + ", e.g. 'ts', or leave it empty for a regular collection");
      }
    }

    @Override
    public String toString() {
      return "empty, or a plain field name such as ts";
    }
  }
}
