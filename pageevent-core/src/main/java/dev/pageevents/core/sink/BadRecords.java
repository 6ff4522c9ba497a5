package dev.pageevents.core.sink;

import dev.pageevents.core.event.PageEventConverter;
import dev.pageevents.core.event.PageEventDataException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a record that cannot be converted or that the store rejects, per the connector's
 * {@code errors.tolerance}: with {@code none} the task stops with a message naming the record; with
 * {@code all} the record goes to Connect's errant record reporter (dead letter queue and/or error
 * log) or, when neither is configured, is logged and skipped.
 */
final class BadRecords {
  private static final Logger log = LoggerFactory.getLogger(BadRecords.class);

  private final ErrantRecordReporter reporter;
  private final boolean tolerateAll;
  private final SinkTaskMetrics metrics;
  // Added by the task thread (conversion) and the background writer (store rejections).
  private List<Future<Void>> inFlight = new ArrayList<>();

  /**
   * @param reporter Connect's reporter, or null when the connector has no DLQ and no error log
   * @param tolerateAll whether {@code errors.tolerance=all}
   */
  BadRecords(ErrantRecordReporter reporter, boolean tolerateAll, SinkTaskMetrics metrics) {
    this.reporter = reporter;
    this.tolerateAll = tolerateAll;
    this.metrics = metrics;
  }

  void handle(SinkRecord record, Throwable error) {
    metrics.recordFailed();
    String description = describe(record, error);
    if (!tolerateAll) {
      throw new ConnectException(
          description
              + " (errors.tolerance=none stops the task; with errors.tolerance=all and"
              + " errors.deadletterqueue.topic.name bad records go to a dead letter queue)",
          error);
    }
    if (reporter == null) {
      log.warn("Skipping {} (no dead letter queue or error log is configured)", description);
      return;
    }
    Future<Void> sent = reporter.report(record, error);
    synchronized (this) {
      inFlight.add(sent);
    }
    metrics.recordSentToDlq();
  }

  /** Waits until every reported record is stored by the reporter, so its offset may commit. */
  void awaitReported() {
    List<Future<Void>> reported;
    synchronized (this) {
      reported = inFlight;
      inFlight = new ArrayList<>();
    }
    try {
      for (Future<Void> future : reported) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectException(
          "Interrupted while sending bad records to the dead letter queue", e);
    } catch (ExecutionException e) {
      throw new ConnectException(
          "Could not send a bad record to the dead letter queue", e.getCause());
    }
  }

  private static String describe(SinkRecord record, Throwable error) {
    if (error instanceof PageEventDataException) {
      return error.getMessage();
    }
    return "Record in "
        + PageEventConverter.describe(record)
        + " was rejected by the store: "
        + error.getMessage();
  }
}
