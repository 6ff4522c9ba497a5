package dev.pageevents.source.ingest.file;

import dev.pageevents.source.PageEventSourceConfig;
import java.nio.file.Path;

/**
 * The file mode's settings, read from the connector config.
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

  public static FileIngestSettings from(PageEventSourceConfig config) {
    return new FileIngestSettings(
        Path.of(config.getString(PageEventSourceConfig.FILE_DIRECTORY_CONFIG)),
        config.getString(PageEventSourceConfig.FILE_PATTERN_CONFIG),
        config.getLong(PageEventSourceConfig.FILE_POLL_INTERVAL_CONFIG),
        config.batchMaxRecords(),
        config.toleratesErrors(),
        config.getString(PageEventSourceConfig.FILE_BAD_LINES_TOPIC_CONFIG).trim());
  }
}
