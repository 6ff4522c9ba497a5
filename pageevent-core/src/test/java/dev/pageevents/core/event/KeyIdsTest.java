package dev.pageevents.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class KeyIdsTest {
  private final KeyIds keys = new KeyIds(FieldMapping.defaults());

  private static SinkRecord tombstone(Object key) {
    return new SinkRecord("t", 3, null, key, null, null, 42);
  }

  private String id(Object key) {
    return keys.idOf(tombstone(key));
  }

  @Test
  void shouldReadTheIdFromAPlainKey() {
    assertThat(id("e-1")).isEqualTo("e-1");
    assertThat(id(17L)).isEqualTo("17");
    assertThat(id("e-1".getBytes(StandardCharsets.UTF_8))).isEqualTo("e-1");
    assertThat(id(ByteBuffer.wrap("e-2".getBytes(StandardCharsets.UTF_8)))).isEqualTo("e-2");
  }

  @Test
  void shouldReadTheIdFromJsonKeys() {
    assertThat(id("\"e-1\"")).isEqualTo("e-1");
    assertThat(id("{\"eventId\":\"e-3\",\"other\":1}")).isEqualTo("e-3");
    assertThat(id("{\"eventId\":12}".getBytes(StandardCharsets.UTF_8))).isEqualTo("12");
  }

  @Test
  void shouldReadTheIdFromKeyObjectsThroughTheFieldMapping() {
    Schema schema = SchemaBuilder.struct().field("eventId", Schema.STRING_SCHEMA).build();
    assertThat(id(new Struct(schema).put("eventId", "e-4"))).isEqualTo("e-4");
    assertThat(id(Map.of("eventId", "e-5"))).isEqualTo("e-5");
    KeyIds mapped =
        new KeyIds(
            new FieldMapping(
                List.of("id", "eventId"),
                FieldMapping.DEFAULT_PAGE,
                FieldMapping.DEFAULT_USER,
                FieldMapping.DEFAULT_TIMESTAMP,
                FieldMapping.DEFAULT_DURATION,
                -1,
                1024,
                1000));
    assertThat(mapped.idOf(tombstone(Map.of("id", "e-6")))).isEqualTo("e-6");
  }

  @Test
  void shouldRejectKeysWithoutAUsableIdNamingTheRecord() {
    for (Object key :
        List.of(
            "", "  ", "{not json", "{\"other\":1}", Map.of("eventId", 1.5), List.of("a"), 2.5)) {
      assertThatThrownBy(() -> id(key))
          .as("key %s", key)
          .isInstanceOf(PageEventDataException.class)
          .hasMessageContaining("topic t partition 3 offset 42")
          .hasMessageContaining("tombstone");
    }
    assertThatThrownBy(() -> keys.idOf(tombstone(null))).hasMessageContaining("has no key");
  }
}
