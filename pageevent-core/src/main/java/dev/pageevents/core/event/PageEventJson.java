package dev.pageevents.core.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a page event: {@code {"eventId","page","user","timestamp","durationMs"}} with
 * the timestamp as an ISO-8601 UTC instant with milliseconds. {@link PageEventConverter} reads it
 * back (and epoch milliseconds too).
 */
public final class PageEventJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PageEventJson() {}

  public static ObjectNode toNode(PageEvent event) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put(PageEvent.EVENT_ID, event.eventId());
    node.put(PageEvent.PAGE, event.page());
    node.put(PageEvent.USER, event.user());
    node.put(PageEvent.TIMESTAMP, event.timestamp().toString());
    node.put(PageEvent.DURATION_MS, event.durationMs());
    return node;
  }

  public static String toJson(PageEvent event) {
    try {
      return MAPPER.writeValueAsString(toNode(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A page event always serialises", e);
    }
  }
}
