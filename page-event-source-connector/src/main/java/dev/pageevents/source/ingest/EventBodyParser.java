package dev.pageevents.source.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.event.PageEventConverter;
import dev.pageevents.core.event.PageEventDataException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads page events from a request body: one JSON object, a JSON array of objects, or NDJSON (one
 * object per line; any whitespace between objects works). All or nothing: the first bad event fails
 * the whole body with its line and problem.
 */
public final class EventBodyParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PageEventConverter converter;
  private final Supplier<String> fallbackIds;

  /**
   * @param fallbackIds makes the event id of an event that carries none
   */
  public EventBodyParser(PageEventConverter converter, Supplier<String> fallbackIds) {
    this.converter = converter;
    this.fallbackIds = fallbackIds;
  }

  public List<PageEvent> parse(byte[] body) throws BadInputException {
    List<PageEvent> events = new ArrayList<>();
    int line = 1;
    try (JsonParser parser = JSON.createParser(body)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw new BadInputException(
            1, "the body is empty; send a JSON object, array or NDJSON", null);
      }
      if (token == JsonToken.START_ARRAY) {
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
          line = parser.currentTokenLocation().getLineNr();
          events.add(event(parser, line));
        }
        if (parser.nextToken() != null) {
          line = parser.currentTokenLocation().getLineNr();
          throw new BadInputException(line, "unexpected content after the JSON array", null);
        }
        return events;
      }
      while (token != null) {
        line = parser.currentTokenLocation().getLineNr();
        events.add(event(parser, line));
        token = parser.nextToken();
      }
      return events;
    } catch (JsonProcessingException e) {
      int at = e.getLocation() == null ? line : e.getLocation().getLineNr();
      throw new BadInputException(at, "not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new BadInputException(line, "unreadable body: " + e.getMessage(), e);
    }
  }

  private PageEvent event(JsonParser parser, int line) throws IOException, BadInputException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw new BadInputException(
          line, "expected a JSON object, found '" + parser.getText() + "'", null);
    }
    Map<?, ?> value = JSON.readValue(parser, Map.class);
    String ref = "line " + line;
    try {
      return converter.convert(value, ref, fallbackIds.get());
    } catch (PageEventDataException e) {
      String prefix = "Bad page event in " + ref + ": ";
      String message = e.getMessage();
      throw new BadInputException(
          line, message.startsWith(prefix) ? message.substring(prefix.length()) : message, e);
    }
  }
}
