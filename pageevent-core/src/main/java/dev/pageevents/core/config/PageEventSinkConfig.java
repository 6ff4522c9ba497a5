package dev.pageevents.core.config;

import dev.pageevents.core.event.FieldMapping;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.CaseInsensitiveValidString;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The settings every sink of the pack shares (field mapping, batching, retries); each sink's own
 * config extends this class and adds its store's groups through {@link #withSharedGroups}.
 */
public class PageEventSinkConfig extends AbstractConfig {
  public static final String FIELD_MAPPING_GROUP = "Field mapping";
  public static final String WRITES_GROUP = "Writes";
  public static final String RETRIES_GROUP = "Retries";
  public static final String OFFSETS_GROUP = "Offsets";

  public static final String FIELD_EVENT_ID_CONFIG = "pageevent.field.event.id";
  private static final String FIELD_EVENT_ID_DOC =
      "Candidate names of the event id field, first present wins. Without one, the id is"
          + " <topic>-<partition>-<offset>, so a replayed record keeps its id.";
  public static final String FIELD_PAGE_CONFIG = "pageevent.field.page";
  private static final String FIELD_PAGE_DOC =
      "Candidate names of the page field, first present wins ('name' is the course format's;"
          + " 'pageid' maps Confluent datagen pageviews).";
  public static final String FIELD_USER_CONFIG = "pageevent.field.user";
  private static final String FIELD_USER_DOC =
      "Candidate names of the user field, first present wins ('userid' for datagen pageviews).";
  public static final String FIELD_TIMESTAMP_CONFIG = "pageevent.field.timestamp";
  private static final String FIELD_TIMESTAMP_DOC =
      "Candidate names of the event time field: ISO-8601 text, epoch milliseconds or a Connect"
          + " Timestamp ('date' is the course format's; 'viewtime' for datagen pageviews).";
  public static final String FIELD_DURATION_CONFIG = "pageevent.field.duration";
  private static final String FIELD_DURATION_DOC =
      "Candidate names of the visit duration field, in milliseconds ('duration' is the course"
          + " format's).";
  public static final String DURATION_DEFAULT_CONFIG = "pageevent.duration.default.ms";
  private static final String DURATION_DEFAULT_DOC =
      "Duration used when a value has no duration field; -1 makes the field required. Datagen"
          + " pageviews carry no duration: use 0 there, so visits count and durations sum to 0.";
  public static final String MAX_STRING_LENGTH_CONFIG = "pageevent.max.string.length";
  private static final String MAX_STRING_LENGTH_DOC =
      "Longest page, user or event id accepted; longer values are bad records.";
  public static final String MAX_FUTURE_CONFIG = "pageevent.timestamp.max.future.ms";
  private static final String MAX_FUTURE_DOC =
      "How far ahead of the worker's clock an event time may lie before it is a bad record.";

  public static final String BATCH_SIZE_CONFIG = "batch.size";
  private static final String BATCH_SIZE_DOC = "Most records the sink writes in one request.";
  public static final String PIPELINED_WRITES_CONFIG = "pipelined.writes";
  private static final String PIPELINED_WRITES_DOC =
      "Whether the task writes each batch on a background thread while Connect polls the next"
          + " records, with at most one batch in flight per task. Offsets commit only once their"
          + " batch is written; a batch that runs out of retries makes the task rewind to its first"
          + " offset and write from there again. false writes every batch inside put().";

  public static final String MAX_RETRIES_CONFIG = "max.retries";
  private static final String MAX_RETRIES_DOC =
      "Retries of a write that failed with a transient error (timeout, unavailable, throttled)"
          + " before the task hands the batch back to Connect to deliver again later.";
  public static final int MAX_RETRIES_DEFAULT = 10;
  public static final String RETRY_BACKOFF_CONFIG = "retry.backoff.ms";
  private static final String RETRY_BACKOFF_DOC =
      "Wait before the first retry; it doubles with each retry, with jitter.";
  public static final long RETRY_BACKOFF_DEFAULT = 100L;
  public static final String RETRY_BACKOFF_MAX_CONFIG = "retry.backoff.max.ms";
  private static final String RETRY_BACKOFF_MAX_DOC = "Longest wait between two retries.";
  public static final long RETRY_BACKOFF_MAX_DEFAULT = 10_000L;

  public static final String DELETE_ON_NULL_CONFIG = "delete.on.null.values";
  private static final String DELETE_ON_NULL_DOC =
      "Whether a tombstone (a record with a null value) deletes the document whose id is the"
          + " record's key: the key itself (string, number, JSON string) or the event id field of a"
          + " key object. Records of one id must then share a key, so they share a partition and"
          + " keep their order; within a batch the last operation per id wins. A tombstone without"
          + " a usable key is a bad record. When false, every tombstone is a bad record.";
  public static final boolean DELETE_ON_NULL_DEFAULT = false;

  public static final String OFFSETS_RESET_CONFIG = "offsets.reset";
  private static final String OFFSETS_RESET_DOC =
      "What a change of this connector's offsets through Connect's REST API (DELETE or PATCH"
          + " /connectors/<name>/offsets, KIP-875) does to the store. 'replay': Connect applies the"
          + " offsets and the sink delivers from there; a document sink rewrites the same documents"
          + " (idempotent), a sink that keeps its offsets with its aggregates (Redis, Neo4j) skips"
          + " what it applied and resumes from its own offsets, so its store does not change."
          + " 'rebuild': a reset of every partition (DELETE) first clears this connector's data and"
          + " stored offsets in the store, then Connect replays the topic from its start; a PATCH"
          + " is refused, since it would replay only part of the topic. 'refuse': every change is"
          + " refused with a message that says to use 'rebuild'. The topic must still hold every"
          + " event (retention) for a rebuild to be complete.";

  /** Set by the connector on each task's config: the task's number. */
  public static final String TASK_ID_CONFIG = "task.id";

  /**
   * Parses the settings; a deprecated name (see {@link DeprecatedAliases}) is read as its new one.
   */
  protected PageEventSinkConfig(ConfigDef definition, Map<String, ?> props) {
    super(definition, DeprecatedAliases.in(definition).resolve(props));
  }

  /**
   * Settings that are valid one by one but not together: setting name → what to fix. The one place
   * a sink checks them: {@code validate()} shows them on their settings, {@code start()} fails with
   * them. None unless a sink says otherwise.
   */
  public Map<String, String> crossFieldProblems() {
    return Map.of();
  }

  /**
   * Fails on the {@link #crossFieldProblems}, if any, naming the setting of the first.
   *
   * @throws ConfigException see {@link CrossFields#require}
   */
  public final void checkCrossFields() {
    CrossFields.require(this, crossFieldProblems());
  }

  /** Adds a problem when {@code userConfig} is set but {@code passwordConfig} is not. */
  protected final void userNeedsPassword(
      Map<String, String> problems, String userConfig, String passwordConfig) {
    String user = getString(userConfig).trim();
    if (!user.isEmpty() && secret(passwordConfig).isEmpty()) {
      problems.put(passwordConfig, "Set " + passwordConfig + " for user " + user);
    }
  }

  /** Adds a problem when {@code passwordConfig} is set but {@code userConfig} is not. */
  protected final void passwordNeedsUser(
      Map<String, String> problems, String userConfig, String passwordConfig) {
    if (getString(userConfig).trim().isEmpty() && !secret(passwordConfig).isEmpty()) {
      problems.put(userConfig, "Set " + userConfig + ": " + passwordConfig + " is given");
    }
  }

  /**
   * Adds a problem when a truststore password is given without its truststore, or (when the sink
   * has a TLS switch, {@code tlsConfig} not null) a truststore is given while TLS is off.
   */
  protected final void truststoreProblems(
      Map<String, String> problems,
      String tlsConfig,
      String locationConfig,
      String passwordConfig) {
    boolean located = !getString(locationConfig).trim().isEmpty();
    if (!located && !secret(passwordConfig).isEmpty()) {
      problems.put(locationConfig, passwordConfig + " is set: set " + locationConfig + " too");
    }
    if (tlsConfig != null && located && !getBoolean(tlsConfig)) {
      problems.put(tlsConfig, "A truststore is given but TLS is off: set " + tlsConfig + "=true");
    }
  }

  /** The value of a {@code PASSWORD} setting; empty when it is not set. */
  protected final String secret(String name) {
    Password value = getPassword(name);
    return value == null || value.value() == null ? "" : value.value();
  }

  /** Adds the shared groups after the sink's own ones. */
  public static ConfigDef withSharedGroups(ConfigDef def, int defaultBatchSize) {
    int order = 0;
    names(def, FIELD_EVENT_ID_CONFIG, FieldMapping.DEFAULT_EVENT_ID, FIELD_EVENT_ID_DOC, ++order);
    names(def, FIELD_PAGE_CONFIG, FieldMapping.DEFAULT_PAGE, FIELD_PAGE_DOC, ++order);
    names(def, FIELD_USER_CONFIG, FieldMapping.DEFAULT_USER, FIELD_USER_DOC, ++order);
    names(
        def, FIELD_TIMESTAMP_CONFIG, FieldMapping.DEFAULT_TIMESTAMP, FIELD_TIMESTAMP_DOC, ++order);
    names(def, FIELD_DURATION_CONFIG, FieldMapping.DEFAULT_DURATION, FIELD_DURATION_DOC, ++order);
    def.define(
        DURATION_DEFAULT_CONFIG,
        Type.LONG,
        FieldMapping.NO_DEFAULT_DURATION,
        Range.atLeast(-1),
        Importance.LOW,
        DURATION_DEFAULT_DOC,
        FIELD_MAPPING_GROUP,
        ++order,
        Width.SHORT,
        "Default duration (ms)");
    def.define(
        MAX_STRING_LENGTH_CONFIG,
        Type.INT,
        FieldMapping.DEFAULT_MAX_STRING_LENGTH,
        Range.atLeast(1),
        Importance.LOW,
        MAX_STRING_LENGTH_DOC,
        FIELD_MAPPING_GROUP,
        ++order,
        Width.SHORT,
        "Longest string");
    def.define(
        MAX_FUTURE_CONFIG,
        Type.LONG,
        FieldMapping.DEFAULT_MAX_FUTURE_MS,
        Range.atLeast(0),
        Importance.LOW,
        MAX_FUTURE_DOC,
        FIELD_MAPPING_GROUP,
        ++order,
        Width.MEDIUM,
        "Latest event time ahead of now (ms)");
    def.define(
        BATCH_SIZE_CONFIG,
        Type.INT,
        defaultBatchSize,
        Range.between(1, 100_000),
        Importance.MEDIUM,
        BATCH_SIZE_DOC,
        WRITES_GROUP,
        1,
        Width.SHORT,
        "Batch size");
    def.define(
        PIPELINED_WRITES_CONFIG,
        Type.BOOLEAN,
        true,
        Importance.LOW,
        PIPELINED_WRITES_DOC,
        WRITES_GROUP,
        2,
        Width.SHORT,
        "Pipelined writes");
    def.define(
        MAX_RETRIES_CONFIG,
        Type.INT,
        MAX_RETRIES_DEFAULT,
        Range.atLeast(0),
        Importance.MEDIUM,
        MAX_RETRIES_DOC,
        RETRIES_GROUP,
        1,
        Width.SHORT,
        "Maximum retries");
    def.define(
        RETRY_BACKOFF_CONFIG,
        Type.LONG,
        RETRY_BACKOFF_DEFAULT,
        Range.atLeast(0),
        Importance.LOW,
        RETRY_BACKOFF_DOC,
        RETRIES_GROUP,
        2,
        Width.SHORT,
        "Retry backoff (ms)");
    return def.define(
        RETRY_BACKOFF_MAX_CONFIG,
        Type.LONG,
        RETRY_BACKOFF_MAX_DEFAULT,
        Range.atLeast(0),
        Importance.LOW,
        RETRY_BACKOFF_MAX_DOC,
        RETRIES_GROUP,
        3,
        Width.SHORT,
        "Longest retry backoff (ms)");
  }

  /**
   * Adds {@value #DELETE_ON_NULL_CONFIG} to the "Writes" group, for sinks whose writer is a {@link
   * dev.pageevents.core.sink.DocumentStoreWriter}.
   */
  public static ConfigDef withDeletes(ConfigDef def, int order) {
    return def.define(
        DELETE_ON_NULL_CONFIG,
        Type.BOOLEAN,
        DELETE_ON_NULL_DEFAULT,
        Importance.MEDIUM,
        DELETE_ON_NULL_DOC,
        WRITES_GROUP,
        order,
        Width.SHORT,
        "Delete on tombstones");
  }

  /**
   * Adds {@value #OFFSETS_RESET_CONFIG} in the "Offsets" group: {@code replay} is right for sinks
   * whose writes are idempotent, {@code refuse} for those that keep aggregates.
   */
  public static ConfigDef withOffsetReset(ConfigDef def, OffsetReset defaultMode) {
    String[] modes =
        Arrays.stream(OffsetReset.values()).map(OffsetReset::configValue).toArray(String[]::new);
    return def.define(
        OFFSETS_RESET_CONFIG,
        Type.STRING,
        defaultMode.configValue(),
        CaseInsensitiveValidString.in(modes),
        Importance.MEDIUM,
        OFFSETS_RESET_DOC,
        OFFSETS_GROUP,
        1,
        Width.SHORT,
        "On an offsets reset");
  }

  private static void names(
      ConfigDef def, String name, List<String> defaults, String doc, int order) {
    def.define(
        name,
        Type.LIST,
        String.join(",", defaults),
        new NonEmptyNames(),
        Importance.LOW,
        doc,
        FIELD_MAPPING_GROUP,
        order,
        Width.MEDIUM,
        name.substring("pageevent.field.".length()) + " field");
  }

  public FieldMapping fieldMapping() {
    return new FieldMapping(
        getList(FIELD_EVENT_ID_CONFIG),
        getList(FIELD_PAGE_CONFIG),
        getList(FIELD_USER_CONFIG),
        getList(FIELD_TIMESTAMP_CONFIG),
        getList(FIELD_DURATION_CONFIG),
        getLong(DURATION_DEFAULT_CONFIG),
        getInt(MAX_STRING_LENGTH_CONFIG),
        getLong(MAX_FUTURE_CONFIG));
  }

  /** What a change of the connector's offsets through the REST API means for the store. */
  public OffsetReset offsetReset() {
    return OffsetReset.of(getString(OFFSETS_RESET_CONFIG));
  }

  /** The connector's name, as Connect passes it in every task's config. */
  public String connectorName() {
    return originalsStrings().getOrDefault("name", "unnamed");
  }

  public String taskId() {
    return originalsStrings().getOrDefault(TASK_ID_CONFIG, "0");
  }
}
