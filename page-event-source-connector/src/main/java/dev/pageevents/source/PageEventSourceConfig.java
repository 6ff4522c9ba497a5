package dev.pageevents.source;

import dev.pageevents.source.emit.EventFormat;
import dev.pageevents.source.emit.KeyField;
import dev.pageevents.source.generator.GeneratorSettings;
import dev.pageevents.source.ingest.file.FileIngestSettings;
import dev.pageevents.source.ingest.http.HttpIngestSettings;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.NonEmptyString;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The settings of the page event source connector: where events come from and where they go. */
public class PageEventSourceConfig extends AbstractConfig {
  public static final String SOURCE_GROUP = "Source";

  /** Where the events come from. */
  public enum Mode {
    GENERATOR,
    HTTP,
    FILE
  }

  public static final String MODE_CONFIG = "mode";
  private static final String MODE_DOC =
      "Where events come from: 'generator' makes synthetic events, 'http' accepts POST /events,"
          + " 'file' tails NDJSON files in a directory.";
  public static final String TOPIC_CONFIG = "topic";
  private static final String TOPIC_DOC = "The topic the events are written to.";
  public static final String KEY_FIELD_CONFIG = "key.field";
  private static final String KEY_FIELD_DOC =
      "Which event field is the record key (and so picks the partition): page, user or none.";
  public static final String EVENT_FORMAT_CONFIG = "event.format";
  private static final String EVENT_FORMAT_DOC =
      "The shape of the record values, in every mode: 'pack' writes {eventId, page, user,"
          + " timestamp, durationMs} (timestamp a Connect Timestamp: epoch milliseconds in JSON);"
          + " 'course' writes the course's {name, user, date, duration} with name the page, date"
          + " ISO-8601 UTC text with milliseconds (e.g. 2026-12-04T10:15:30.123Z) and duration in"
          + " milliseconds. The course format carries no event id (one in HTTP or file input is"
          + " dropped): sinks then identify each event by its topic, partition and offset."
          + " Every sink of the pack reads both.";
  public static final String BATCH_MAX_CONFIG = "batch.max.records";
  private static final String BATCH_MAX_DOC = "Most records a task returns from one poll.";

  /** Copied into the connector config by Connect; read to decide what a bad line does. */
  public static final String ERRORS_TOLERANCE_CONFIG = "errors.tolerance";

  /** Set by the connector on each task: its number and how many tasks there are. */
  public static final String TASK_INDEX_CONFIG = "task.index";

  public static final String TASK_COUNT_CONFIG = "task.count";

  public static final ConfigDef CONFIG_DEF = definition();

  public PageEventSourceConfig(Map<?, ?> props) {
    super(CONFIG_DEF, props);
  }

  private static ConfigDef definition() {
    ConfigDef def = new ConfigDef();
    int order = 0;
    def.define(
        MODE_CONFIG,
        Type.STRING,
        "generator",
        caseInsensitive(Mode.values()),
        Importance.HIGH,
        MODE_DOC,
        SOURCE_GROUP,
        ++order,
        Width.SHORT,
        "Mode");
    def.define(
        TOPIC_CONFIG,
        Type.STRING,
        "page-events",
        new NonEmptyString(),
        Importance.HIGH,
        TOPIC_DOC,
        SOURCE_GROUP,
        ++order,
        Width.MEDIUM,
        "Topic");
    def.define(
        KEY_FIELD_CONFIG,
        Type.STRING,
        "page",
        caseInsensitive(KeyField.values()),
        Importance.MEDIUM,
        KEY_FIELD_DOC,
        SOURCE_GROUP,
        ++order,
        Width.SHORT,
        "Key field");
    def.define(
        EVENT_FORMAT_CONFIG,
        Type.STRING,
        "pack",
        caseInsensitive(EventFormat.values()),
        Importance.MEDIUM,
        EVENT_FORMAT_DOC,
        SOURCE_GROUP,
        ++order,
        Width.SHORT,
        "Event format");
    def.define(
        BATCH_MAX_CONFIG,
        Type.INT,
        2000,
        Range.between(1, 100_000),
        Importance.LOW,
        BATCH_MAX_DOC,
        SOURCE_GROUP,
        ++order,
        Width.SHORT,
        "Max records per poll");

    GeneratorSettings.define(def);
    HttpIngestSettings.define(def);
    FileIngestSettings.define(def);
    return def;
  }

  private static ConfigDef.Validator caseInsensitive(Enum<?>[] values) {
    String[] names = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      names[i] = values[i].name().toLowerCase(Locale.ROOT);
    }
    return ConfigDef.CaseInsensitiveValidString.in(names);
  }

  /**
   * Settings that are valid one by one but not together: setting name → what to fix. {@code
   * validate()} shows them on their settings, {@code start()} fails with them.
   */
  public Map<String, String> crossFieldProblems() {
    if (mode() == Mode.FILE && getString(FileIngestSettings.FILE_DIRECTORY_CONFIG).isBlank()) {
      return Map.of(
          FileIngestSettings.FILE_DIRECTORY_CONFIG,
          "file mode needs file.directory: the directory whose NDJSON files to read");
    }
    return Map.of();
  }

  public Mode mode() {
    return Mode.valueOf(getString(MODE_CONFIG).toUpperCase(Locale.ROOT));
  }

  public KeyField keyField() {
    return KeyField.valueOf(getString(KEY_FIELD_CONFIG).toUpperCase(Locale.ROOT));
  }

  public EventFormat eventFormat() {
    return EventFormat.valueOf(getString(EVENT_FORMAT_CONFIG).toUpperCase(Locale.ROOT));
  }

  public String topic() {
    return getString(TOPIC_CONFIG);
  }

  public int batchMaxRecords() {
    return getInt(BATCH_MAX_CONFIG);
  }

  /** Whether a bad ingested line may be skipped (errors.tolerance=all) instead of failing. */
  public boolean toleratesErrors() {
    Object tolerance = originals().get(ERRORS_TOLERANCE_CONFIG);
    return tolerance != null && "all".equalsIgnoreCase(tolerance.toString().trim());
  }

  /** This task's number; 0 when the config is the connector's own. */
  public int taskIndex() {
    return intOriginal(TASK_INDEX_CONFIG, 0);
  }

  /** How many tasks share the work; 1 when the config is the connector's own. */
  public int taskCount() {
    return intOriginal(TASK_COUNT_CONFIG, 1);
  }

  private int intOriginal(String name, int missing) {
    Object value = originals().get(name);
    return value == null ? missing : Integer.parseInt(value.toString().trim());
  }
}
