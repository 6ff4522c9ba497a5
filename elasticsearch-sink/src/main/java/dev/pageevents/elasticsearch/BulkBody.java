package dev.pageevents.elasticsearch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pageevents.core.event.PageEvent;
import dev.pageevents.elasticsearch.ElasticsearchWriter.Operation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The NDJSON body of one {@code _bulk} request, written straight from the events: an action line
 * ({@code index} or {@code delete} with {@code _index} and {@code _id}) per operation and, for an
 * index, the document line. Jackson's generator escapes every string, so no id or field from a
 * record can break out of its JSON string.
 */
final class BulkBody {
  private static final JsonFactory JSON =
      new JsonFactoryBuilder().rootValueSeparator((String) null).build();

  private BulkBody() {}

  /**
   * @param estimatedBytes the body's expected size, to size the buffer once
   */
  static byte[] of(List<Operation> operations, long estimatedBytes) {
    ByteArrayOutputStream out =
        new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, estimatedBytes));
    try (JsonGenerator json = JSON.createGenerator(out)) {
      for (Operation operation : operations) {
        boolean delete = operation.record().isDelete();
        json.writeStartObject();
        json.writeObjectFieldStart(delete ? "delete" : "index");
        json.writeStringField("_index", operation.index());
        json.writeStringField("_id", operation.record().id());
        json.writeEndObject();
        json.writeEndObject();
        json.writeRaw('\n');
        if (!delete) {
          writeDocument(json, operation.record().event());
          json.writeRaw('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return out.toByteArray();
  }

  private static void writeDocument(JsonGenerator json, PageEvent event) throws IOException {
    json.writeStartObject();
    json.writeStringField(PageEvent.EVENT_ID, event.eventId());
    json.writeStringField(PageEvent.PAGE, event.page());
    json.writeStringField(PageEvent.USER, event.user());
    json.writeStringField(PageEvent.TIMESTAMP, event.timestamp().toString());
    json.writeNumberField(PageEvent.DURATION_MS, event.durationMs());
    json.writeEndObject();
  }
}
