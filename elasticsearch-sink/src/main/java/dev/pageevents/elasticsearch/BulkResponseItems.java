package dev.pageevents.elasticsearch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code _bulk} response with a streaming parser: when its {@code errors} flag is false
 * (Elasticsearch writes it before the items) nothing more is read; otherwise each item's status and
 * error, in request order.
 */
final class BulkResponseItems {
  private static final JsonFactory JSON = new JsonFactory();

  /** One item that failed: its position in the request, HTTP status and error description. */
  record Failure(int position, int status, String error) {}

  private BulkResponseItems() {}

  /** The failed items of the response, empty when every item succeeded. */
  static List<Failure> failures(InputStream body) throws IOException {
    try (JsonParser json = JSON.createParser(body)) {
      expect(json, JsonToken.START_OBJECT);
      List<Failure> failures = List.of();
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        if (field.equals("errors") && value == JsonToken.VALUE_FALSE) {
          return List.of();
        }
        if (field.equals("items") && value == JsonToken.START_ARRAY) {
          failures = items(json);
        } else {
          json.skipChildren();
        }
      }
      return failures;
    }
  }

  private static List<Failure> items(JsonParser json) throws IOException {
    List<Failure> failures = new ArrayList<>();
    for (int position = 0; json.nextToken() == JsonToken.START_OBJECT; position++) {
      expect(json, JsonToken.FIELD_NAME); // the action: index, delete, ...
      expect(json, JsonToken.START_OBJECT);
      int status = 0;
      String error = null;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        json.nextToken();
        if (field.equals("status")) {
          status = json.getIntValue();
        } else if (field.equals("error") && json.currentToken() == JsonToken.START_OBJECT) {
          error = error(json);
        } else {
          json.skipChildren();
        }
      }
      expect(json, JsonToken.END_OBJECT);
      if (error != null) {
        failures.add(new Failure(position, status, error));
      }
    }
    return failures;
  }

  /** {@code type: reason}, followed by {@code (caused by ...)} for each nested cause. */
  private static String error(JsonParser json) throws IOException {
    String type = null;
    String reason = null;
    String causedBy = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      if (field.equals("type")) {
        type = json.getValueAsString();
      } else if (field.equals("reason")) {
        reason = json.getValueAsString();
      } else if (field.equals("caused_by") && value == JsonToken.START_OBJECT) {
        causedBy = error(json);
      } else {
        json.skipChildren();
      }
    }
    String text = type + ": " + reason;
    return causedBy == null ? text : text + " (caused by " + causedBy + ")";
  }

  /** Moves to the next token, which must be {@code expected}. */
  private static void expect(JsonParser json, JsonToken expected) throws IOException {
    JsonToken actual = json.nextToken();
    if (actual != expected) {
      throw new IOException("Unexpected _bulk response: " + expected + " expected, got " + actual);
    }
  }
}
