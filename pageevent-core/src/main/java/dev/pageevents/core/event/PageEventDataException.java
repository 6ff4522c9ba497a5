package dev.pageevents.core.event;

import org.apache.kafka.connect.errors.DataException;

/**
 * A record value that is not a valid page event. The message names the record (topic, partition,
 * offset), the field and what is wrong, so a person reading a log line or a dead letter queue
 * header can find and fix the producer.
 */
public class PageEventDataException extends DataException {
  private final String field;

  public PageEventDataException(String recordRef, String field, String problem, Throwable cause) {
    super(message(recordRef, field, problem), cause);
    this.field = field;
  }

  public PageEventDataException(String recordRef, String field, String problem) {
    this(recordRef, field, problem, null);
  }

  /** The field that was wrong, or null when the value as a whole was unusable. */
  public String field() {
    return field;
  }

  private static String message(String recordRef, String field, String problem) {
    String what = field == null ? "value " + problem : "field '" + field + "' " + problem;
    return "Bad page event in " + recordRef + ": " + what;
  }
}
