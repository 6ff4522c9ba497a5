package dev.pageevents.mongo;

import dev.pageevents.core.event.PageEvent;
import java.util.Date;
import org.bson.Document;

/**
 * The document model: one document per event, {@code {_id: eventId, page, user, ts: BSON date,
 * durationMs}}. Keys are fixed names, never taken from the data, and values are plain strings, a
 * date and a long, so nothing from a record can become an operator.
 */
final class MongoDocuments {
  static final String ID = "_id";
  static final String PAGE = "page";
  static final String USER = "user";
  static final String TIMESTAMP = "ts";
  static final String DURATION_MS = "durationMs";

  private MongoDocuments() {}

  static Document of(PageEvent event) {
    return of(event, TIMESTAMP);
  }

  /** The document with the event time under {@code timeField} (time-series mode names it). */
  static Document of(PageEvent event, String timeField) {
    return new Document(ID, event.eventId())
        .append(PAGE, event.page())
        .append(USER, event.user())
        .append(timeField, new Date(event.timestampMs()))
        .append(DURATION_MS, event.durationMs());
  }
}
