package dev.pageevents.core.event;

import org.apache.kafka.connect.errors.DataException;

/**
 * A record value that is not a valid page event. The message names the record (topic, partition,
 * offset), the field under the name the record used (with the pack's own name in brackets when it
 * differs, e.g. {@code field 'duration' (durationMs) is null}) and what is wrong, so a person
 * reading a log line or a dead letter queue header can find and fix the producer.
 */
public class PageEventDataException extends DataException {
  private final String field;

  private PageEventDataException(
      String recordRef, String field, String internalName, String problem, Throwable cause) {
    super(message(recordRef, field, internalName, problem), cause);
    this.field = field;
  }

  public PageEventDataException(String recordRef, String field, String problem, Throwable cause) {
    this(recordRef, field, null, problem, cause);
  }

  /**
   * @param field the field's name as the record used it
   * @param internalName the pack's name of the field when it differs from {@code field}, else null
   */
  public PageEventDataException(
      String recordRef, String field, String internalName, String problem) {
    this(recordRef, field, internalName, problem, null);
  }

  public PageEventDataException(String recordRef, String field, String problem) {
    this(recordRef, field, null, problem, null);
  }

  /**
   * The field that was wrong as the record named it, or null when the value as a whole was
   * unusable.
   */
  public String field() {
    return field;
  }

  private static String message(
      String recordRef, String field, String internalName, String problem) {
    String name =
        internalName == null ? "'" + field + "'" : "'" + field + "' (" + internalName + ")";
    String what = field == null ? "value " + problem : "field " + name + " " + problem;
    return "Bad page event in " + recordRef + ": " + what;
  }
}
