package dev.pageevents.source.emit;

import dev.pageevents.core.event.PageEvent;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns a page event into a source record: value a struct in the chosen {@link EventFormat}, key
 * the field chosen by {@code key.field}, record timestamp the event time.
 */
public final class RecordFactory {
  private final String topic;
  private final KeyField keyField;
  private final EventFormat format;

  public RecordFactory(String topic, KeyField keyField, EventFormat format) {
    this.topic = topic;
    this.keyField = keyField;
    this.format = format;
  }

  public SourceRecord record(PageEvent event, Map<String, ?> partition, Map<String, ?> offset) {
    return new SourceRecord(
        partition,
        offset,
        topic,
        null,
        keySchema(),
        key(event),
        valueSchema(),
        value(event),
        event.timestampMs());
  }

  public String topic() {
    return topic;
  }

  public Schema valueSchema() {
    return format.schema();
  }

  public Struct value(PageEvent event) {
    return format.value(event);
  }

  public Schema keySchema() {
    return keyField == KeyField.NONE ? null : Schema.STRING_SCHEMA;
  }

  public String key(PageEvent event) {
    return switch (keyField) {
      case PAGE -> event.page();
      case USER -> event.user();
      case NONE -> null;
    };
  }
}
