package dev.pageevents.core.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text straight into {@link FieldValues}: one pass of a streaming parser over the
 * top-level object, keeping only the values of {@link CandidateNames} and skipping every other
 * field unread, so no map or tree is built. The whole object is still checked (syntax, UTF-8,
 * Jackson's nesting and length limits), and a repeated name keeps its last value, as Jackson's own
 * reading does.
 */
final class JsonFields {
  private static final JsonFactory JSON = new JsonFactory();

  /** The value is valid JSON but not an object; {@link #kind()} says what it is. */
  static final class NotAnObject extends Exception {
    private final String kind;

    NotAnObject(String kind) {
      super(kind, null, false, false);
      this.kind = kind;
    }

    String kind() {
      return kind;
    }
  }

  private JsonFields() {}

  static FieldValues read(byte[] bytes, int offset, int length, CandidateNames names)
      throws IOException, NotAnObject {
    try (JsonParser parser = JSON.createParser(bytes, offset, length)) {
      return read(parser, names);
    }
  }

  static FieldValues read(String text, CandidateNames names) throws IOException, NotAnObject {
    try (JsonParser parser = JSON.createParser(text)) {
      return read(parser, names);
    }
  }

  private static FieldValues read(JsonParser parser, CandidateNames names)
      throws IOException, NotAnObject {
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw new IOException("No content: the value is empty");
    }
    if (first != JsonToken.START_OBJECT) {
      parser.skipChildren();
      throw new NotAnObject(kind(first));
    }
    Object[] slots = new Object[names.size()];
    String name;
    while ((name = parser.nextFieldName()) != null) {
      JsonToken token = parser.nextToken();
      int slot = names.slotOf(name);
      if (slot < 0) {
        parser.skipChildren();
      } else {
        slots[slot] = value(parser, token);
      }
    }
    return FieldValues.of(slots);
  }

  /**
   * A field's value; an object or array is skipped and stands as an empty one (only its type
   * counts).
   */
  private static Object value(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> FieldValues.NULL;
      case START_OBJECT -> {
        parser.skipChildren();
        yield Map.of();
      }
      case START_ARRAY -> {
        parser.skipChildren();
        yield List.of();
      }
      default -> throw new IOException("Unexpected token " + token);
    };
  }

  private static String kind(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "array";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_NULL -> "null";
      default -> "boolean";
    };
  }
}
