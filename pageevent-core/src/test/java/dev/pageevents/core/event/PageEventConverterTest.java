package dev.pageevents.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PageEventConverterTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private static final long TS = Instant.parse("2026-11-21T10:15:30.123Z").toEpochMilli();
  private static final PageEvent EXPECTED = new PageEvent("e-1", "/products/123", "u1", TS, 1500);

  private final PageEventConverter converter =
      new PageEventConverter(FieldMapping.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

  private static SinkRecord record(Object value) {
    return new SinkRecord("page-events", 3, null, null, null, value, 42L);
  }

  private static Map<String, Object> validMap() {
    Map<String, Object> map = new HashMap<>();
    map.put("eventId", "e-1");
    map.put("page", "/products/123");
    map.put("user", "u1");
    map.put("timestamp", TS);
    map.put("durationMs", 1500);
    return map;
  }

  private static final String VALID_JSON =
      "{\"eventId\":\"e-1\",\"page\":\"/products/123\",\"user\":\"u1\","
          + "\"timestamp\":\"2026-11-21T10:15:30.123Z\",\"durationMs\":1500}";

  static Stream<Arguments> validShapes() {
    return Stream.of(
        Arguments.of("Struct (JSON with schemas, Avro)", EXPECTED.toStruct()),
        Arguments.of("Map (schemaless JSON)", validMap()),
        Arguments.of("JSON String", VALID_JSON),
        Arguments.of("JSON byte[]", VALID_JSON.getBytes(StandardCharsets.UTF_8)),
        Arguments.of(
            "JSON ByteBuffer", ByteBuffer.wrap(VALID_JSON.getBytes(StandardCharsets.UTF_8))),
        Arguments.of("the pack's own JSON form", PageEventJson.toJson(EXPECTED)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validShapes")
  void shouldConvertEveryValueShape(String shape, Object value) {
    assertThat(converter.convert(record(value))).isEqualTo(EXPECTED);
  }

  @Test
  void shouldAcceptTheCourseFormatWithIsoDate() {
    String course =
        "{\"name\":\"P1\",\"user\":\"U1\",\"date\":\"2026-11-21T10:15:30.123Z\",\"duration\":1234}";
    PageEvent event = converter.convert(record(course));
    assertThat(event.page()).isEqualTo("P1");
    assertThat(event.user()).isEqualTo("U1");
    assertThat(event.timestampMs()).isEqualTo(TS);
    assertThat(event.durationMs()).isEqualTo(1234);
  }

  @Test
  void shouldAcceptTheCourseFormatWithEpochMillisAsNumberOrText() {
    String asNumber = "{\"name\":\"P1\",\"user\":\"U1\",\"date\":" + TS + ",\"duration\":1234}";
    String asText = "{\"name\":\"P1\",\"user\":\"U1\",\"date\":\"" + TS + "\",\"duration\":1234}";
    assertThat(converter.convert(record(asNumber)).timestampMs()).isEqualTo(TS);
    assertThat(converter.convert(record(asText)).timestampMs()).isEqualTo(TS);
  }

  @Test
  void shouldAcceptOffsetAndLocalIsoTimes() {
    String withOffset =
        "{\"page\":\"P1\",\"user\":\"U1\",\"date\":\"2026-11-21T12:15:30.123+02:00\",\"duration\":1}";
    String local =
        "{\"page\":\"P1\",\"user\":\"U1\",\"date\":\"2026-11-21T10:15:30.123\",\"duration\":1}";
    assertThat(converter.convert(record(withOffset)).timestampMs()).isEqualTo(TS);
    assertThat(converter.convert(record(local)).timestampMs()).isEqualTo(TS);
  }

  /** Confluent datagen {@code pageviews}: pageid, userid, viewtime, no duration (default 0). */
  private static final FieldMapping DATAGEN =
      new FieldMapping(
          FieldMapping.DEFAULT_EVENT_ID,
          List.of("pageid"),
          List.of("userid"),
          List.of("viewtime"),
          FieldMapping.DEFAULT_DURATION,
          0,
          FieldMapping.DEFAULT_MAX_STRING_LENGTH,
          FieldMapping.DEFAULT_MAX_FUTURE_MS);

  @Test
  void shouldAcceptDatagenPageviewsThroughFieldMapping() {
    Schema pageviews =
        SchemaBuilder.struct()
            .name("ksql.pageviews")
            .field("viewtime", Schema.INT64_SCHEMA)
            .field("userid", Schema.STRING_SCHEMA)
            .field("pageid", Schema.STRING_SCHEMA)
            .build();
    Struct value =
        new Struct(pageviews).put("viewtime", TS).put("userid", "User_5").put("pageid", "Page_12");

    PageEvent event =
        new PageEventConverter(DATAGEN, Clock.fixed(NOW, ZoneOffset.UTC)).convert(record(value));

    assertThat(event).isEqualTo(new PageEvent("page-events-3-42", "Page_12", "User_5", TS, 0));
  }

  @Test
  void shouldDeriveTheSameEventIdWhenTheRecordIsReplayed() {
    Map<String, Object> noId = validMap();
    noId.remove("eventId");
    String first = converter.convert(record(noId)).eventId();
    String replayed = converter.convert(record(new HashMap<>(noId))).eventId();
    assertThat(first).isEqualTo("page-events-3-42").isEqualTo(replayed);
  }

  @Test
  void shouldTurnANumericEventIdIntoText() {
    Map<String, Object> value = validMap();
    value.put("eventId", 987654321L);
    assertThat(converter.convert(record(value)).eventId()).isEqualTo("987654321");
  }

  @Test
  void shouldRoundAFractionalDuration() {
    Map<String, Object> value = validMap();
    value.put("durationMs", 1499.6);
    assertThat(converter.convert(record(value)).durationMs()).isEqualTo(1500);
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        bad("missing page", without("page"), "page", "is missing (accepted: page, name)"),
        bad("missing user", without("user"), "user", "is missing"),
        bad("missing timestamp", without("timestamp"), "timestamp", "is missing"),
        bad(
            "missing duration",
            without("durationMs"),
            "duration",
            "is missing (accepted: durationMs, duration)"),
        bad("null page", with("page", null), "page", "is null"),
        bad("page of wrong type", with("page", 17), "page", "expected a string, got a number"),
        bad("user of wrong type", with("user", List.of("a")), "user", "got an array"),
        bad("empty page", with("page", "  "), "page", "is empty"),
        bad("unparsable date", with("timestamp", "yesterday"), "timestamp", "is not a date"),
        bad("date of wrong type", with("timestamp", true), "timestamp", "got a boolean"),
        bad("before 1970", with("timestamp", -1L), "timestamp", "is before 1970"),
        bad(
            "far future",
            with("timestamp", "2099-01-01T00:00:00Z"),
            "timestamp",
            "too far in the future"),
        bad("negative duration", with("durationMs", -5), "durationMs", "is negative: -5"),
        bad("NaN duration", with("durationMs", Double.NaN), "durationMs", "is not a finite number"),
        bad(
            "infinite duration",
            with("durationMs", Double.POSITIVE_INFINITY),
            "durationMs",
            "not a finite number"),
        bad("duration as text", with("durationMs", "12"), "durationMs", "expected a number"),
        bad(
            "oversize page",
            with("page", "x".repeat(1025)),
            "page",
            "is 1025 characters long; the limit is 1024"),
        bad("oversize event id", with("eventId", "e".repeat(2000)), "eventId", "the limit is 1024"),
        bad("non-object JSON", "[1,2,3]", null, "value is a JSON array; expected a JSON object"),
        bad("JSON string literal", "\"hello\"", null, "value is a JSON string"),
        bad("invalid JSON", "{\"page\": ", null, "value is not valid JSON"),
        bad("empty JSON", "", null, "value is not valid JSON"),
        bad(
            "deeply nested JSON",
            "[".repeat(5000) + "]".repeat(5000),
            null,
            "value is not valid JSON"),
        bad(
            "invalid UTF-8",
            new byte[] {'{', '"', 'p', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
            null,
            "value is not valid JSON"),
        bad("tombstone", null, null, "value is null (a tombstone)"),
        bad("unsupported type", 42, null, "unsupported type java.lang.Integer"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void shouldRejectBadInputNamingRecordFieldAndProblem(
      String name, Object value, String field, String problem) {
    assertThatThrownBy(() -> converter.convert(record(value)))
        .isInstanceOfSatisfying(
            PageEventDataException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageContaining("topic page-events partition 3 offset 42")
        .hasMessageContaining(field == null ? "value " : "field '" + field + "'")
        .hasMessageContaining(problem);
  }

  @Test
  void shouldHonourAConfiguredStringLimit() {
    FieldMapping tight =
        new FieldMapping(
            FieldMapping.DEFAULT_EVENT_ID,
            FieldMapping.DEFAULT_PAGE,
            FieldMapping.DEFAULT_USER,
            FieldMapping.DEFAULT_TIMESTAMP,
            FieldMapping.DEFAULT_DURATION,
            FieldMapping.NO_DEFAULT_DURATION,
            5,
            FieldMapping.DEFAULT_MAX_FUTURE_MS);
    PageEventConverter strict = new PageEventConverter(tight, Clock.fixed(NOW, ZoneOffset.UTC));
    Map<String, Object> value = with("user", "abcdef");
    value.put("page", "/p");
    assertThatThrownBy(() -> strict.convert(record(value)))
        .hasMessageContaining("field 'user' is 6 characters long; the limit is 5");
  }

  private static final String COURSE_DATE = "\"date\":\"2026-11-21T10:15:30.123Z\"";

  static Stream<Arguments> courseFormatErrors() {
    return Stream.of(
        Arguments.of(
            "{\"name\":\"P1\",\"user\":\"U1\"," + COURSE_DATE + ",\"duration\":null}",
            "duration",
            "field 'duration' (durationMs) is null"),
        Arguments.of(
            "{\"name\":\"P1\",\"user\":\"U1\"," + COURSE_DATE + ",\"duration\":-3}",
            "duration",
            "field 'duration' (durationMs) is negative: -3"),
        Arguments.of(
            "{\"name\":\"P1\",\"user\":\"U1\"," + COURSE_DATE + ",\"duration\":\"3s\"}",
            "duration",
            "field 'duration' (durationMs) has the wrong type"),
        Arguments.of(
            "{\"name\":\"P1\",\"user\":\"U1\"," + COURSE_DATE + "}",
            "duration",
            "field 'duration' is missing (accepted: durationMs, duration)"),
        Arguments.of(
            "{\"name\":\"P1\",\"user\":\"U1\",\"date\":\"yesterday\",\"duration\":1}",
            "date",
            "field 'date' (timestamp) is not a date: 'yesterday'"),
        Arguments.of(
            "{\"name\":\"P1\",\"user\":\"U1\",\"date\":null,\"duration\":1}",
            "date",
            "field 'date' (timestamp) is null"),
        Arguments.of(
            "{\"name\":\"\",\"user\":\"U1\"," + COURSE_DATE + ",\"duration\":1}",
            "name",
            "field 'name' (page) is empty"),
        Arguments.of(
            "{\"name\":{\"a\":1},\"user\":\"U1\"," + COURSE_DATE + ",\"duration\":1}",
            "name",
            "field 'name' (page) has the wrong type: expected a string, got an object"),
        Arguments.of(
            "{\"user\":\"U1\"," + COURSE_DATE + ",\"duration\":1}",
            "page",
            "field 'page' is missing (accepted: page, name)"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("courseFormatErrors")
  void shouldNameTheFieldAsTheRecordNamedIt(String json, String field, String message)
      throws Exception {
    for (Object value : shapesOf(json)) {
      assertThatThrownBy(() -> converter.convert(record(value)))
          .as("%s as %s", json, value.getClass().getSimpleName())
          .isInstanceOfSatisfying(
              PageEventDataException.class, e -> assertThat(e.field()).isEqualTo(field))
          .hasMessageContaining("topic page-events partition 3 offset 42: " + message);
    }
  }

  @Test
  void shouldPreferANonNullCandidateOverANullOne() {
    String json =
        "{\"page\":null,\"name\":\"P1\",\"user\":\"U1\","
            + COURSE_DATE
            + ",\"durationMs\":null,\"duration\":7}";
    PageEvent event = converter.convert(record(json));
    assertThat(event.page()).isEqualTo("P1");
    assertThat(event.durationMs()).isEqualTo(7);
  }

  @Test
  void shouldNameTheAcceptedNamesOfAConfiguredMapping() {
    PageEventConverter pageviews =
        new PageEventConverter(DATAGEN, Clock.fixed(NOW, ZoneOffset.UTC));
    assertThatThrownBy(
            () -> pageviews.convert(record("{\"pageid\":\"P\",\"viewtime\":" + TS + "}")))
        .hasMessageContaining("field 'user' is missing (accepted: userid)");
    assertThatThrownBy(
            () -> pageviews.convert(record("{\"pageid\":\"P\",\"userid\":\"U\",\"viewtime\":-1}")))
        .hasMessageContaining("field 'viewtime' (timestamp) is before 1970");
  }

  /**
   * The same JSON as text, bytes, a heap and a direct ByteBuffer, and the Map JsonConverter makes.
   */
  private static List<Object> shapesOf(String json) throws Exception {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length + 2);
    direct.put((byte) ' ').put(bytes).flip().position(1);
    return List.of(
        json, bytes, ByteBuffer.wrap(bytes), direct, new ObjectMapper().readValue(json, Map.class));
  }

  static Stream<String> sameResultForEveryShape() {
    return Stream.of(
        VALID_JSON,
        "{\"name\":\"P1\",\"user\":\"U1\"," + COURSE_DATE + ",\"duration\":1.5}",
        "{\"page\":\"/a\",\"page\":\"/b\",\"user\":\"u\",\"timestamp\":0,\"durationMs\":1}",
        "{\"eventId\":12,\"page\":\"/p\",\"user\":\"u\",\"timestamp\":\"1717236000000\","
            + "\"durationMs\":1,\"x\":[{\"y\":[1,2]}],\"$set\":{\"a\":null}}",
        "{\"eventId\":1.5,\"page\":\"/p\",\"user\":\"u\",\"timestamp\":0,\"durationMs\":1}",
        "{\"page\":\"/p\",\"user\":[1],\"timestamp\":0,\"durationMs\":1}",
        "{\"page\":\"/p\",\"user\":\"u\",\"timestamp\":true,\"durationMs\":1}",
        "{\"page\":\"/p\",\"user\":\"u\",\"timestamp\":\"99999999999999999999\",\"durationMs\":1}",
        "{\"page\":\"/p\",\"user\":\"u\",\"timestamp\":\"9223372036854775808\",\"durationMs\":1}",
        "{\"page\":\"/p\",\"user\":\"u\",\"timestamp\":\"2026-02-30T00:00:00Z\",\"durationMs\":1}",
        "{\"page\":\"/p\",\"user\":\"u\",\"timestamp\":0,\"durationMs\":1e300}",
        "{\"page\":\"/p\",\"user\":\"u\",\"timestamp\":0,\"durationMs\":12345678901234567890}",
        "{\"page\":\"/p\",\"user\":\"u\",\"timestamp\":0,\"durationMs\":false}");
  }

  @ParameterizedTest
  @MethodSource
  void sameResultForEveryShape(String json) throws Exception {
    List<String> outcomes = new ArrayList<>();
    for (Object value : shapesOf(json)) {
      try {
        outcomes.add(converter.convert(record(value)).toString());
      } catch (PageEventDataException e) {
        outcomes.add(e.getMessage());
      }
    }
    assertThat(new HashSet<>(outcomes)).as(json).hasSize(1);
  }

  private static Arguments bad(String name, Object value, String field, String problem) {
    return Arguments.of(name, value, field, problem);
  }

  private static Map<String, Object> without(String field) {
    Map<String, Object> map = validMap();
    map.remove(field);
    return map;
  }

  private static Map<String, Object> with(String field, Object value) {
    Map<String, Object> map = validMap();
    map.put(field, value);
    return map;
  }
}
