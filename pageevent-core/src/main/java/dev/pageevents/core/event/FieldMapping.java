package dev.pageevents.core.event;

import java.util.List;

/**
 * Where a record value keeps each page event field, and the limits a value must respect.
 *
 * <p>Each field has a list of candidate names; the first one present in the value is used. The
 * defaults accept the pack's own format and the classic course format ({@code name}, {@code date},
 * {@code duration}); other producers are mapped by configuration, e.g. Confluent datagen {@code
 * pageviews} with page={@code pageid}, user={@code userid}, timestamp={@code viewtime}.
 *
 * @param eventId candidate names of the event id; when none is present the id is derived from the
 *     record's topic, partition and offset
 * @param page candidate names of the page
 * @param user candidate names of the user
 * @param timestamp candidate names of the event time
 * @param duration candidate names of the visit duration in milliseconds
 * @param defaultDurationMs duration used when no duration field is present; negative means the
 *     field is required
 * @param maxStringLength longest page, user or event id accepted
 * @param maxFutureMs how far past the current time an event time may lie
 */
public record FieldMapping(
    List<String> eventId,
    List<String> page,
    List<String> user,
    List<String> timestamp,
    List<String> duration,
    long defaultDurationMs,
    int maxStringLength,
    long maxFutureMs) {

  public static final List<String> DEFAULT_EVENT_ID = List.of(PageEvent.EVENT_ID);
  public static final List<String> DEFAULT_PAGE = List.of(PageEvent.PAGE, "name");
  public static final List<String> DEFAULT_USER = List.of(PageEvent.USER);
  public static final List<String> DEFAULT_TIMESTAMP = List.of(PageEvent.TIMESTAMP, "date");
  public static final List<String> DEFAULT_DURATION = List.of(PageEvent.DURATION_MS, "duration");
  public static final long NO_DEFAULT_DURATION = -1L;
  public static final int DEFAULT_MAX_STRING_LENGTH = 1024;
  public static final long DEFAULT_MAX_FUTURE_MS = 365L * 24 * 60 * 60 * 1000;

  public FieldMapping {
    eventId = List.copyOf(eventId);
    page = List.copyOf(page);
    user = List.copyOf(user);
    timestamp = List.copyOf(timestamp);
    duration = List.copyOf(duration);
  }

  /** The mapping every plugin uses unless configured otherwise. */
  public static FieldMapping defaults() {
    return new FieldMapping(
        DEFAULT_EVENT_ID,
        DEFAULT_PAGE,
        DEFAULT_USER,
        DEFAULT_TIMESTAMP,
        DEFAULT_DURATION,
        NO_DEFAULT_DURATION,
        DEFAULT_MAX_STRING_LENGTH,
        DEFAULT_MAX_FUTURE_MS);
  }
}
