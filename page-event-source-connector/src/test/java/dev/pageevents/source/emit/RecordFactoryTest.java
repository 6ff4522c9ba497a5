package dev.pageevents.source.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.core.event.FieldMapping;
import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.event.PageEventConverter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** The record values in each event format, as JsonConverter writes them and the sinks read them. */
class RecordFactoryTest {
  private static final long TS = Instant.parse("2026-12-04T10:15:30.123Z").toEpochMilli();
  private static final PageEvent EVENT = new PageEvent("gen-1-0-7", "/home", "u1", TS, 1500);

  @Test
  void shouldWriteTheCourseFormatWithAnIsoDateAndDurationInMilliseconds() {
    assertThat(json(EventFormat.COURSE, EVENT, false))
        .isEqualTo(
            "{\"name\":\"/home\",\"user\":\"u1\",\"date\":\"2026-12-04T10:15:30.123Z\","
                + "\"duration\":1500}");
  }

  @Test
  void shouldKeepTheMillisecondsOfTheDateWhenTheyAreZero() {
    PageEvent onTheSecond = new PageEvent("id", "/p", "u", TS - 123, 0);

    assertThat(json(EventFormat.COURSE, onTheSecond, false))
        .contains("\"date\":\"2026-12-04T10:15:30.000Z\"");
  }

  @Test
  void shouldWriteThePackFormatAsBefore() {
    assertThat(json(EventFormat.PACK, EVENT, false))
        .isEqualTo(
            "{\"eventId\":\"gen-1-0-7\",\"page\":\"/home\",\"user\":\"u1\",\"timestamp\":"
                + TS
                + ",\"durationMs\":1500}");
  }

  @Test
  void shouldNameTheCourseSchemaWhenTheConverterEmbedsSchemas() {
    String envelope = json(EventFormat.COURSE, EVENT, true);

    assertThat(envelope)
        .contains("\"name\":\"dev.pageevents.CoursePageEvent\"")
        .contains("{\"type\":\"string\",\"optional\":false,\"field\":\"date\"}")
        .contains("{\"type\":\"int64\",\"optional\":false,\"field\":\"duration\"}");
  }

  @Test
  void shouldBeReadBackByTheSinksConverterInBothFormats() {
    PageEventConverter sinks = new PageEventConverter(FieldMapping.defaults());

    for (EventFormat format : EventFormat.values()) {
      PageEvent read = sinks.convert(json(format, EVENT, false), "test", "fallback-id");
      assertThat(read.page()).as(format.name()).isEqualTo("/home");
      assertThat(read.user()).as(format.name()).isEqualTo("u1");
      assertThat(read.timestampMs()).as(format.name()).isEqualTo(TS);
      assertThat(read.durationMs()).as(format.name()).isEqualTo(1500);
    }
  }

  @Test
  void shouldBeReadBackByTheSinksConverterAsStructsWhenTheConverterEmbedsSchemas() {
    PageEventConverter sinks = new PageEventConverter(FieldMapping.defaults());
    JsonConverter withSchemas = new JsonConverter();
    withSchemas.configure(Map.of("schemas.enable", "true"), false);

    for (EventFormat format : EventFormat.values()) {
      byte[] written = json(format, EVENT, true).getBytes(StandardCharsets.UTF_8);
      Object struct = withSchemas.toConnectData("t", written).value();
      PageEvent read = sinks.convert(struct, "test", "fallback-id");
      assertThat(read.page()).as(format.name()).isEqualTo("/home");
      assertThat(read.timestampMs()).as(format.name()).isEqualTo(TS);
      assertThat(read.durationMs()).as(format.name()).isEqualTo(1500);
    }
  }

  @Test
  void shouldKeyAndTimestampRecordsAlikeInBothFormats() {
    for (EventFormat format : EventFormat.values()) {
      SourceRecord record =
          new RecordFactory("t", KeyField.USER, format).record(EVENT, Map.of(), Map.of());
      assertThat(record.key()).as(format.name()).isEqualTo("u1");
      assertThat(record.timestamp()).as(format.name()).isEqualTo(TS);
      assertThat(record.valueSchema()).as(format.name()).isEqualTo(format.schema());
    }
  }

  private static String json(EventFormat format, PageEvent event, boolean schemas) {
    JsonConverter converter = new JsonConverter();
    converter.configure(Map.of("schemas.enable", Boolean.toString(schemas)), false);
    SourceRecord record =
        new RecordFactory("t", KeyField.PAGE, format).record(event, Map.of(), Map.of());
    byte[] bytes = converter.fromConnectData("t", record.valueSchema(), record.value());
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
