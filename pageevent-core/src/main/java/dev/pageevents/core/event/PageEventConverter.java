package dev.pageevents.core.event;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Turns any record value into a {@link PageEvent}: a {@link Struct} (JSON with schemas, Avro,
 * Protobuf...), a {@link Map} (schemaless JSON), or JSON text as a {@link String}, {@code byte[]}
 * or {@link ByteBuffer} (read with a streaming parser straight into the event's fields, see {@link
 * JsonFields}). Field names come from a {@link FieldMapping}. Anything that is not a valid page
 * event raises a {@link PageEventDataException} that names the record, the field under the name the
 * record used, and the problem.
 */
public final class PageEventConverter {
  private final FieldMapping mapping;
  private final CandidateNames names;
  private final Clock clock;

  public PageEventConverter(FieldMapping mapping, Clock clock) {
    this.mapping = mapping;
    this.names = new CandidateNames(mapping);
    this.clock = clock;
  }

  public PageEventConverter(FieldMapping mapping) {
    this(mapping, Clock.systemUTC());
  }

  /** The field names this converter reads (tombstone keys are read with the same names). */
  public FieldMapping fieldMapping() {
    return mapping;
  }

  /**
   * Converts a sink record's value; a missing event id is derived from topic/partition/offset. The
   * record's description and derived id are built only when needed (an error, no event id).
   */
  public PageEvent convert(SinkRecord record) {
    return convert(record.value(), new SinkRecordOrigin(record));
  }

  /** How errors name a record: "topic T partition P offset O". */
  public static String describe(SinkRecord record) {
    return "topic "
        + record.topic()
        + " partition "
        + record.kafkaPartition()
        + " offset "
        + record.kafkaOffset();
  }

  /**
   * Converts a value from any origin.
   *
   * @param recordRef how to name the record in an error, e.g. "topic t partition 0 offset 5"
   * @param fallbackId the event id to use when the value has none; must be stable across replays
   */
  public PageEvent convert(Object value, String recordRef, String fallbackId) {
    return convert(value, new GivenOrigin(recordRef, fallbackId));
  }

  private PageEvent convert(Object value, Origin origin) {
    Reader reader = new Reader(fieldsOf(value, origin), origin);
    String eventId = reader.eventId();
    String page = reader.text(EventField.PAGE);
    String user = reader.text(EventField.USER);
    long timestampMs = reader.timestamp();
    long durationMs = reader.duration();
    return new PageEvent(eventId, page, user, timestampMs, durationMs);
  }

  /** Where a value comes from: how errors name it, and the event id it gets when it has none. */
  private interface Origin {
    String ref();

    String fallbackId();
  }

  private record SinkRecordOrigin(SinkRecord record) implements Origin {
    @Override
    public String ref() {
      return describe(record);
    }

    @Override
    public String fallbackId() {
      return record.topic() + "-" + record.kafkaPartition() + "-" + record.kafkaOffset();
    }
  }

  private record GivenOrigin(String ref, String fallbackId) implements Origin {}

  private FieldValues fieldsOf(Object value, Origin origin) {
    if (value == null) {
      throw new PageEventDataException(
          origin.ref(), null, "is null (a tombstone); expected a page event");
    }
    if (value instanceof Struct struct) {
      return FieldValues.of(struct, names);
    }
    if (value instanceof Map<?, ?> map) {
      return FieldValues.of(map, names);
    }
    try {
      if (value instanceof String text) {
        return JsonFields.read(text, names);
      }
      if (value instanceof byte[] bytes) {
        return JsonFields.read(bytes, 0, bytes.length, names);
      }
      if (value instanceof ByteBuffer buffer) {
        return readJson(buffer);
      }
    } catch (IOException e) {
      String reason = e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
      throw new PageEventDataException(origin.ref(), null, "is not valid JSON: " + reason, e);
    } catch (JsonFields.NotAnObject e) {
      throw new PageEventDataException(
          origin.ref(), null, "is a JSON " + e.kind() + "; expected a JSON object");
    }
    throw new PageEventDataException(
        origin.ref(),
        null,
        "has unsupported type "
            + value.getClass().getName()
            + "; expected a Struct, a Map, or JSON text as String or bytes");
  }

  private FieldValues readJson(ByteBuffer buffer) throws IOException, JsonFields.NotAnObject {
    if (buffer.hasArray()) {
      return JsonFields.read(
          buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining(), names);
    }
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return JsonFields.read(bytes, 0, bytes.length, names);
  }

  /**
   * A field found in a value under one of its candidate names; {@code value} is {@link
   * FieldValues#NULL} when the record holds the name with a null value.
   */
  private record Found(EventField field, String name, Object value) {}

  /** Reads and checks the fields of one value, naming the record and the field in every error. */
  private final class Reader {
    private final FieldValues fields;
    private final Origin origin;

    Reader(FieldValues fields, Origin origin) {
      this.fields = fields;
      this.origin = origin;
    }

    /**
     * The first candidate name holding a non-null value; else the first one present with a null
     * value; null when the record has none of the names.
     */
    private Found find(EventField field) {
      Found nullValued = null;
      for (int slot : names.slotsOf(field)) {
        Object value = fields.at(slot);
        if (value == FieldValues.NULL) {
          if (nullValued == null) {
            nullValued = new Found(field, names.name(slot), value);
          }
        } else if (value != null) {
          return new Found(field, names.name(slot), value);
        }
      }
      return nullValued;
    }

    /** The field's value, or an error naming the name the record used or the names accepted. */
    private Found require(EventField field) {
      Found found = find(field);
      if (found == null) {
        List<String> accepted = field.candidates(mapping);
        String suffix =
            accepted.equals(List.of(field.label()))
                ? ""
                : " (accepted: " + String.join(", ", accepted) + ")";
        throw new PageEventDataException(origin.ref(), field.label(), "is missing" + suffix);
      }
      if (found.value() == FieldValues.NULL) {
        throw wrong(found, "is null");
      }
      return found;
    }

    /** An error under the record's name, with the pack's name in brackets when they differ. */
    private PageEventDataException wrong(Found found, String problem) {
      String internal = found.field().internalName();
      return new PageEventDataException(
          origin.ref(), found.name(), found.name().equals(internal) ? null : internal, problem);
    }

    String eventId() {
      Found found = find(EventField.EVENT_ID);
      if (found == null || found.value() == FieldValues.NULL) {
        return origin.fallbackId();
      }
      if (found.value() instanceof Number number && isWhole(number)) {
        return number.toString();
      }
      return checkedText(found);
    }

    String text(EventField field) {
      return checkedText(require(field));
    }

    private String checkedText(Found found) {
      if (!(found.value() instanceof String text)) {
        throw wrong(found, "has the wrong type: expected a string, got " + typeName(found.value()));
      }
      if (text.isBlank()) {
        throw wrong(found, "is empty");
      }
      if (text.length() > mapping.maxStringLength()) {
        throw wrong(
            found,
            "is "
                + text.length()
                + " characters long; the limit is "
                + mapping.maxStringLength()
                + " (pageevent.max.string.length)");
      }
      return text;
    }

    long timestamp() {
      Found found = require(EventField.TIMESTAMP);
      long millis = toEpochMillis(found);
      if (millis < 0) {
        throw wrong(found, "is before 1970-01-01T00:00:00Z: " + Instant.ofEpochMilli(millis));
      }
      long latest = clock.millis() + mapping.maxFutureMs();
      if (millis > latest) {
        throw wrong(
            found,
            "is too far in the future: "
                + Instant.ofEpochMilli(millis)
                + " is more than "
                + mapping.maxFutureMs()
                + " ms ahead of now (pageevent.timestamp.max.future.ms)");
      }
      return millis;
    }

    private long toEpochMillis(Found found) {
      Object value = found.value();
      if (value instanceof Date date) {
        return date.getTime();
      }
      if (value instanceof Number number) {
        return wholeMillis(found, number);
      }
      if (value instanceof String text) {
        return parseTime(found, text.trim());
      }
      throw wrong(
          found,
          "has the wrong type: expected an ISO-8601 string or epoch milliseconds, got "
              + typeName(value));
    }

    private long parseTime(Found found, String text) {
      if (EventTimes.looksLikeEpochMillis(text)) {
        try {
          return Long.parseLong(text);
        } catch (NumberFormatException e) {
          throw wrong(found, "is out of range: " + text);
        }
      }
      try {
        return EventTimes.parseIso(text);
      } catch (DateTimeParseException e) {
        throw wrong(
            found,
            "is not a date: '"
                + abbreviate(text)
                + "' is neither ISO-8601 (2024-05-01T12:00:00Z) nor epoch milliseconds");
      }
    }

    long duration() {
      Found found = find(EventField.DURATION);
      if ((found == null || found.value() == FieldValues.NULL)
          && mapping.defaultDurationMs() >= 0) {
        return mapping.defaultDurationMs();
      }
      found = require(EventField.DURATION);
      if (!(found.value() instanceof Number number)) {
        throw wrong(
            found,
            "has the wrong type: expected a number of milliseconds, got "
                + typeName(found.value()));
      }
      long millis = wholeMillis(found, number);
      if (millis < 0) {
        throw wrong(found, "is negative: " + millis);
      }
      return millis;
    }

    private long wholeMillis(Found found, Number number) {
      if (number instanceof Double || number instanceof Float) {
        double d = number.doubleValue();
        if (!Double.isFinite(d)) {
          throw wrong(found, "is not a finite number: " + d);
        }
        if (Math.abs(d) >= 0x1p63) {
          throw wrong(found, "is out of range: " + d);
        }
        return Math.round(d);
      }
      if (number instanceof BigInteger || number instanceof BigDecimal) {
        try {
          return new BigDecimal(number.toString())
              .setScale(0, RoundingMode.HALF_UP)
              .longValueExact();
        } catch (ArithmeticException e) {
          throw wrong(found, "is out of range: " + number);
        }
      }
      return number.longValue();
    }
  }

  private static boolean isWhole(Number number) {
    return !(number instanceof Double || number instanceof Float || number instanceof BigDecimal);
  }

  private static String typeName(Object value) {
    if (value instanceof Number) {
      return "a number";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    if (value instanceof Map<?, ?> || value instanceof Struct) {
      return "an object";
    }
    if (value instanceof List<?>) {
      return "an array";
    }
    if (value instanceof String) {
      return "a string";
    }
    return value.getClass().getSimpleName();
  }

  private static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 61) + "...";
  }
}
