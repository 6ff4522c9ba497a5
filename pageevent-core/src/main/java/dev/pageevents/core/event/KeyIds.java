package dev.pageevents.core.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Finds the event id in a record's key: the document a tombstone deletes. The key is the id itself
 * (a string, a whole number, or JSON text as String or bytes holding a string or a number), or an
 * object (a {@link Struct}, a {@link Map}, or a JSON object) holding the id under one of the event
 * id field names of the {@link FieldMapping}.
 */
public final class KeyIds {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FieldMapping mapping;

  public KeyIds(FieldMapping mapping) {
    this.mapping = mapping;
  }

  /**
   * @throws PageEventDataException naming the record when the key holds no usable id
   */
  public String idOf(SinkRecord record) {
    String ref = PageEventConverter.describe(record);
    Object key = record.key();
    if (key == null) {
      throw unusable(ref, "has no key, so there is no document id to delete");
    }
    return idFrom(key, ref, true);
  }

  private String idFrom(Object key, String ref, boolean mayBeText) {
    if (key instanceof byte[] bytes) {
      return idFrom(new String(bytes, StandardCharsets.UTF_8), ref, true);
    }
    if (key instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      return idFrom(bytes, ref, true);
    }
    if (key instanceof String text && mayBeText) {
      String trimmed = text.trim();
      if (trimmed.startsWith("{") || trimmed.startsWith("\"")) {
        return idFrom(parse(trimmed, ref), ref, false);
      }
      return checked(text, ref);
    }
    if (key instanceof String text) {
      return checked(text, ref);
    }
    if (key instanceof Long || key instanceof Integer || key instanceof BigInteger) {
      return key.toString();
    }
    if (key instanceof Struct struct) {
      return fromField(name -> struct.schema().field(name) == null ? null : struct.get(name), ref);
    }
    if (key instanceof Map<?, ?> map) {
      return fromField(map::get, ref);
    }
    throw unusable(
        ref,
        "has a key of type "
            + key.getClass().getSimpleName()
            + "; expected the event id (string or whole number) or an object holding "
            + String.join(" or ", mapping.eventId()));
  }

  private String fromField(Function<String, Object> field, String ref) {
    for (String name : mapping.eventId()) {
      Object value = field.apply(name);
      if (value != null) {
        return idFrom(value, ref, false);
      }
    }
    throw unusable(
        ref, "has a key without an event id field (looked for " + mapping.eventId() + ")");
  }

  private String checked(String id, String ref) {
    if (id.isBlank()) {
      throw unusable(ref, "has an empty key, so there is no document id to delete");
    }
    if (id.length() > mapping.maxStringLength()) {
      throw unusable(
          ref,
          "has a key of "
              + id.length()
              + " characters; the limit is "
              + mapping.maxStringLength()
              + " (pageevent.max.string.length)");
    }
    return id;
  }

  private static Object parse(String text, String ref) {
    try {
      return JSON.readValue(text, Object.class);
    } catch (IOException e) {
      throw new PageEventDataException(
          ref, null, "is a tombstone whose key is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static PageEventDataException unusable(String ref, String problem) {
    return new PageEventDataException(ref, null, "is null (a tombstone) but the record " + problem);
  }
}
