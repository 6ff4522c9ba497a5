package dev.pageevents.source.emit;

import dev.pageevents.core.event.PageEvent;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * The shape of the record values the source writes ({@code event.format}); every sink reads both.
 */
public enum EventFormat {
  /**
   * The pack's own: {@code eventId, page, user, timestamp, durationMs} ({@link PageEvent#SCHEMA},
   * the timestamp a Connect {@code Timestamp}, so epoch milliseconds in JSON).
   */
  PACK {
    @Override
    public Schema schema() {
      return PageEvent.SCHEMA;
    }

    @Override
    public Struct value(PageEvent event) {
      return event.toStruct();
    }
  },

  /**
   * The course's: {@code name} (the page), {@code user}, {@code date} (ISO-8601 UTC text with
   * milliseconds, e.g. {@code 2026-12-04T10:15:30.123Z}), {@code duration} (milliseconds). No event
   * id: sinks identify each event by its topic, partition and offset.
   */
  COURSE {
    @Override
    public Schema schema() {
      return COURSE_SCHEMA;
    }

    @Override
    public Struct value(PageEvent event) {
      return new Struct(COURSE_SCHEMA)
          .put(NAME, event.page())
          .put(PageEvent.USER, event.user())
          .put(DATE, ISO_MILLIS.format(event.timestamp()))
          .put(DURATION, event.durationMs());
    }
  };

  public static final String NAME = "name";
  public static final String DATE = "date";
  public static final String DURATION = "duration";

  /** ISO-8601 in UTC, always with milliseconds (an {@code Instant}'s own text drops zero ones). */
  public static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

  private static final Schema COURSE_SCHEMA =
      SchemaBuilder.struct()
          .name("dev.pageevents.CoursePageEvent")
          .version(1)
          .doc("A visit of a user to a page, in the course's format.")
          .field(NAME, Schema.STRING_SCHEMA)
          .field(PageEvent.USER, Schema.STRING_SCHEMA)
          .field(DATE, Schema.STRING_SCHEMA)
          .field(DURATION, Schema.INT64_SCHEMA)
          .build();

  /** The Connect schema of the values. */
  public abstract Schema schema();

  /** {@code event} as a value of {@link #schema()}. */
  public abstract Struct value(PageEvent event);
}
