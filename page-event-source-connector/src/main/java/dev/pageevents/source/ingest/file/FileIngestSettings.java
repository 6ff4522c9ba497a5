package dev.pageevents.source.ingest.file;

import java.nio.file.Path;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.NonEmptyString;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * The file mode's settings: their definitions and their values in a connector config.
 *
 * @param pattern glob of the file names to read
 * @param badLinesTopic where tolerated bad lines go; empty = logged and skipped
 */
public record FileIngestSettings(
    Path directory,
    String pattern,
    long pollIntervalMs,
    int batchMax,
    boolean toleratesErrors,
    String badLinesTopic) {

  public static final String FILE_GROUP = "File ingest";

  public static final String FILE_DIRECTORY_CONFIG = "file.directory";
  private static final String FILE_DIRECTORY_DOC =
      "Directory whose NDJSON files are tailed (new files and appends).";
  public static final String FILE_PATTERN_CONFIG = "file.pattern";
  private static final String FILE_PATTERN_DOC = "Glob of the file names to read, e.g. *.ndjson.";
  public static final String FILE_POLL_INTERVAL_CONFIG = "file.poll.interval.ms";
  private static final String FILE_POLL_INTERVAL_DOC =
      "How long an idle task waits before it looks for new files and appended lines again.";
  public static final String FILE_BAD_LINES_TOPIC_CONFIG = "file.bad.lines.topic";
  private static final String FILE_BAD_LINES_TOPIC_DOC =
      "With errors.tolerance=all, bad lines are sent on to this topic as text with headers naming"
          + " the file, line and problem; empty = they are logged and skipped. With"
          + " errors.tolerance=none a bad line fails the task.";

  /** Adds this mode's settings to the connector's definition, as their own group. */
  public static void define(ConfigDef def) {
    int order = 0;
    def.define(
        FILE_DIRECTORY_CONFIG,
        Type.STRING,
        "",
        null,
        Importance.HIGH,
        FILE_DIRECTORY_DOC,
        FILE_GROUP,
        ++order,
        Width.LONG,
        "Directory");
    def.define(
        FILE_PATTERN_CONFIG,
        Type.STRING,
        "*.ndjson",
        new NonEmptyString(),
        Importance.MEDIUM,
        FILE_PATTERN_DOC,
        FILE_GROUP,
        ++order,
        Width.MEDIUM,
        "File pattern");
    def.define(
        FILE_POLL_INTERVAL_CONFIG,
        Type.LONG,
        100L,
        Range.between(1L, 1_000L),
        Importance.LOW,
        FILE_POLL_INTERVAL_DOC,
        FILE_GROUP,
        ++order,
        Width.SHORT,
        "Poll interval (ms)");
    def.define(
        FILE_BAD_LINES_TOPIC_CONFIG,
        Type.STRING,
        "",
        null,
        Importance.MEDIUM,
        FILE_BAD_LINES_TOPIC_DOC,
        FILE_GROUP,
        ++order,
        Width.MEDIUM,
        "Bad lines topic");
  }

  /**
   * The file settings from a parsed source config.
   *
   * @param batchMaxRecords most records per poll ({@code batch.max.records})
   * @param toleratesErrors whether bad lines are reported and skipped ({@code
   *     errors.tolerance=all})
   */
  public static FileIngestSettings from(
      AbstractConfig config, int batchMaxRecords, boolean toleratesErrors) {
    return new FileIngestSettings(
        Path.of(config.getString(FILE_DIRECTORY_CONFIG)),
        config.getString(FILE_PATTERN_CONFIG),
        config.getLong(FILE_POLL_INTERVAL_CONFIG),
        batchMaxRecords,
        toleratesErrors,
        config.getString(FILE_BAD_LINES_TOPIC_CONFIG).trim());
  }
}
