package dev.pageevents.core.event;

import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;

/**
 * One visit of a user to a page: the unit every plugin of the pack carries.
 *
 * @param eventId unique id; stores use it to make writes idempotent
 * @param page the page's name or path
 * @param user the user's id
 * @param timestampMs event time, epoch milliseconds
 * @param durationMs how long the visit lasted, in milliseconds (never negative)
 */
public record PageEvent(
    String eventId, String page, String user, long timestampMs, long durationMs) {

  public static final String EVENT_ID = "eventId";
  public static final String PAGE = "page";
  public static final String USER = "user";
  public static final String TIMESTAMP = "timestamp";
  public static final String DURATION_MS = "durationMs";

  /** The Connect schema of a page event value; timestamp is Connect's Timestamp logical type. */
  public static final Schema SCHEMA =
      SchemaBuilder.struct()
          .name("dev.pageevents.PageEvent")
          .version(1)
          .doc("A visit of a user to a page.")
          .field(EVENT_ID, Schema.STRING_SCHEMA)
          .field(PAGE, Schema.STRING_SCHEMA)
          .field(USER, Schema.STRING_SCHEMA)
          .field(TIMESTAMP, Timestamp.SCHEMA)
          .field(DURATION_MS, Schema.INT64_SCHEMA)
          .build();

  public PageEvent {
    Objects.requireNonNull(eventId, EVENT_ID);
    Objects.requireNonNull(page, PAGE);
    Objects.requireNonNull(user, USER);
    if (durationMs < 0) {
      throw new IllegalArgumentException("durationMs must not be negative: " + durationMs);
    }
  }

  public Instant timestamp() {
    return Instant.ofEpochMilli(timestampMs);
  }

  /** This event as a Connect {@link Struct} of {@link #SCHEMA}. */
  public Struct toStruct() {
    return new Struct(SCHEMA)
        .put(EVENT_ID, eventId)
        .put(PAGE, page)
        .put(USER, user)
        .put(TIMESTAMP, new Date(timestampMs))
        .put(DURATION_MS, durationMs);
  }
}
