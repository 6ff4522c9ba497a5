package dev.pageevents.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.sink.PageEventRecord;
import dev.pageevents.elasticsearch.ElasticsearchWriter.Operation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class BulkBodyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldWriteOneActionLineAndOneDocumentLinePerIndexWithEveryStringEscaped() throws Exception {
    String id = "id\"\n\\\u2028é";
    PageEvent event = new PageEvent(id, "/a\"b\n", "u\t1", 1_700_000_000_123L, 42);
    PageEventRecord record =
        new PageEventRecord(new SinkRecord("t", 0, null, null, null, null, 7), event);

    String body =
        new String(
            BulkBody.of(List.of(new Operation(0, record, "pageevents-2023.11.14")), 10),
            StandardCharsets.UTF_8);

    String[] lines = body.split("\n", -1);
    assertThat(lines).hasSize(3);
    assertThat(lines[2]).isEmpty(); // the body ends with a newline
    JsonNode action = JSON.readTree(lines[0]).get("index");
    assertThat(action.get("_index").asText()).isEqualTo("pageevents-2023.11.14");
    assertThat(action.get("_id").asText()).isEqualTo(id);
    JsonNode document = JSON.readTree(lines[1]);
    assertThat(document.get("eventId").asText()).isEqualTo(id);
    assertThat(document.get("page").asText()).isEqualTo("/a\"b\n");
    assertThat(document.get("user").asText()).isEqualTo("u\t1");
    assertThat(document.get("timestamp").asText()).isEqualTo("2023-11-14T22:13:20.123Z");
    assertThat(document.get("durationMs").asLong()).isEqualTo(42);
  }

  @Test
  void shouldWriteOnlyAnActionLineForADelete() throws Exception {
    SinkRecord tombstone = new SinkRecord("t", 0, null, "k\"1", null, null, 3);
    PageEventRecord delete = PageEventRecord.delete(tombstone, "k\"1");

    String body =
        new String(
            BulkBody.of(List.of(new Operation(0, delete, "pageevents-t")), 10),
            StandardCharsets.UTF_8);

    assertThat(body).endsWith("\n").doesNotContain("\n{\"eventId\"");
    JsonNode action = JSON.readTree(body.strip()).get("delete");
    assertThat(action.get("_index").asText()).isEqualTo("pageevents-t");
    assertThat(action.get("_id").asText()).isEqualTo("k\"1");
  }
}
