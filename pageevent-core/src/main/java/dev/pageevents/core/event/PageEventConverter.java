package dev.pageevents.core.event;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Turns any record value into a {@link PageEvent}: a {@link Struct} (JSON with schemas, Avro,
 * Protobuf...), a {@link Map} (schemaless JSON), or JSON text as a {@link String}, {@code byte[]}
 * or {@link ByteBuffer}. Field names come from a {@link FieldMapping}. Anything that is not a valid
 * page event raises a {@link PageEventDataException} that names the record, the field and the
 * problem.
 */
public final class PageEventConverter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FieldMapping mapping;
  private final Clock clock;

  public PageEventConverter(FieldMapping mapping, Clock clock) {
    this.mapping = mapping;
    this.clock = clock;
  }

  public PageEventConverter(FieldMapping mapping) {
    this(mapping, Clock.systemUTC());
  }

  /** The field names this converter reads (tombstone keys are read with the same names). */
  public FieldMapping fieldMapping() {
    return mapping;
  }

  /** Converts a sink record's value; a missing event id is derived from topic/partition/offset. */
  public PageEvent convert(SinkRecord record) {
    String ref = describe(record);
    String fallbackId = record.topic() + "-" + record.kafkaPartition() + "-" + record.kafkaOffset();
    return convert(record.value(), ref, fallbackId);
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
    Fields fields = fieldsOf(value, recordRef);
    Reader reader = new Reader(fields, recordRef);
    String eventId = reader.eventId(fallbackId);
    String page = reader.text(mapping.page());
    String user = reader.text(mapping.user());
    long timestampMs = reader.timestamp();
    long durationMs = reader.duration();
    return new PageEvent(eventId, page, user, timestampMs, durationMs);
  }

  private static Fields fieldsOf(Object value, String ref) {
    if (value == null) {
      throw new PageEventDataException(ref, null, "is null (a tombstone); expected a page event");
    }
    if (value instanceof Struct struct) {
      return name -> struct.schema().field(name) == null ? null : struct.get(name);
    }
    if (value instanceof Map<?, ?> map) {
      return map::get;
    }
    if (value instanceof String text) {
      return parseJson(text.getBytes(StandardCharsets.UTF_8), ref);
    }
    if (value instanceof byte[] bytes) {
      return parseJson(bytes, ref);
    }
    if (value instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      return parseJson(bytes, ref);
    }
    throw new PageEventDataException(
        ref,
        null,
        "has unsupported type "
            + value.getClass().getName()
            + "; expected a Struct, a Map, or JSON text as String or bytes");
  }

  private static Fields parseJson(byte[] bytes, String ref) {
    Object parsed;
    try {
      parsed = JSON.readValue(bytes, Object.class);
    } catch (IOException e) {
      String reason = e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
      throw new PageEventDataException(ref, null, "is not valid JSON: " + reason, e);
    }
    if (parsed instanceof Map<?, ?> map) {
      return map::get;
    }
    throw new PageEventDataException(
        ref, null, "is a JSON " + jsonKind(parsed) + "; expected a JSON object");
  }

  private static String jsonKind(Object parsed) {
    if (parsed == null) {
      return "null";
    }
    if (parsed instanceof List<?>) {
      return "array";
    }
    if (parsed instanceof String) {
      return "string";
    }
    if (parsed instanceof Number) {
      return "number";
    }
    return "boolean";
  }

  /** Read access to the fields of a value, whatever its shape; null means absent. */
  @FunctionalInterface
  private interface Fields {
    Object get(String name);
  }

  /** A field found in a value under one of its candidate names. */
  private record Found(String name, Object value) {}

  /** Reads and checks the fields of one value, naming the record in every error. */
  private final class Reader {
    private final Fields fields;
    private final String ref;

    Reader(Fields fields, String ref) {
      this.fields = fields;
      this.ref = ref;
    }

    private Found find(List<String> names) {
      for (String name : names) {
        Object value = fields.get(name);
        if (value != null) {
          return new Found(name, value);
        }
      }
      return null;
    }

    private PageEventDataException missing(List<String> names) {
      String lookedFor = names.size() == 1 ? "" : " (looked for " + String.join(", ", names) + ")";
      return new PageEventDataException(ref, names.get(0), "is missing" + lookedFor);
    }

    private PageEventDataException wrong(Found found, String problem) {
      return new PageEventDataException(ref, found.name(), problem);
    }

    String eventId(String fallbackId) {
      Found found = find(mapping.eventId());
      if (found == null) {
        return fallbackId;
      }
      if (found.value() instanceof Number number && isWhole(number)) {
        return number.toString();
      }
      return checkedText(found);
    }

    String text(List<String> names) {
      Found found = find(names);
      if (found == null) {
        throw missing(names);
      }
      return checkedText(found);
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
      Found found = find(mapping.timestamp());
      if (found == null) {
        throw missing(mapping.timestamp());
      }
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
      if (text.matches("-?\\d{1,19}")) {
        try {
          return Long.parseLong(text);
        } catch (NumberFormatException e) {
          throw wrong(found, "is out of range: " + text);
        }
      }
      try {
        return OffsetDateTime.parse(text).toInstant().toEpochMilli();
      } catch (DateTimeParseException notWithOffset) {
        try {
          return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException notLocal) {
          throw wrong(
              found,
              "is not a date: '"
                  + abbreviate(text)
                  + "' is neither ISO-8601 (2024-05-01T12:00:00Z) nor epoch milliseconds");
        }
      }
    }

    long duration() {
      Found found = find(mapping.duration());
      if (found == null) {
        if (mapping.defaultDurationMs() >= 0) {
          return mapping.defaultDurationMs();
        }
        throw missing(mapping.duration());
      }
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
