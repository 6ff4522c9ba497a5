package dev.pageevents.source.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pageevents.core.event.FieldMapping;
import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.event.PageEventConverter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Request bodies: object, array, NDJSON, and errors naming the line. */
class EventBodyParserTest {
  private final EventBodyParser parser =
      new EventBodyParser(new PageEventConverter(FieldMapping.defaults()), () -> "generated");

  private static String event(String id) {
    return "{\"eventId\":\""
        + id
        + "\",\"page\":\"/a\",\"user\":\"u\","
        + "\"timestamp\":\"2024-05-01T00:00:00Z\",\"durationMs\":5}";
  }

  private List<PageEvent> parse(String body) throws BadInputException {
    return parser.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldReadOneObject() throws Exception {
    assertThat(parse(event("1"))).extracting(PageEvent::eventId).containsExactly("1");
  }

  @Test
  void shouldReadAnArray() throws Exception {
    assertThat(parse("[" + event("1") + ",\n" + event("2") + "]"))
        .extracting(PageEvent::eventId)
        .containsExactly("1", "2");
  }

  @Test
  void shouldReadNdjsonAndPrettyPrintedObjects() throws Exception {
    String body =
        event("1")
            + "\n"
            + event("2")
            + "\n{\n \"page\": \"/b\", \"user\": \"u\",\n"
            + " \"timestamp\": 0, \"durationMs\": 1\n}\n";
    assertThat(parse(body)).extracting(PageEvent::eventId).containsExactly("1", "2", "generated");
  }

  @Test
  void shouldNameTheLineAndFieldOfABadEvent() {
    String body = event("1") + "\n" + event("2") + "\n{\"eventId\":\"3\",\"user\":\"u\"}\n";
    assertThatThrownBy(() -> parse(body))
        .isInstanceOf(BadInputException.class)
        .hasMessage("line 3: field 'page' is missing (accepted: page, name)")
        .extracting(e -> ((BadInputException) e).line())
        .isEqualTo(3);
  }

  @Test
  void shouldNameTheLineOfInvalidJson() {
    assertThatThrownBy(() -> parse(event("1") + "\n{\"page\": }"))
        .hasMessageStartingWith("line 2: not valid JSON");
  }

  @Test
  void shouldRejectValuesThatAreNotObjects() {
    assertThatThrownBy(() -> parse("[1]")).hasMessage("line 1: expected a JSON object, found '1'");
  }

  @Test
  void shouldRejectAnEmptyBody() {
    assertThatThrownBy(() -> parse("  ")).hasMessageContaining("the body is empty");
  }
}
