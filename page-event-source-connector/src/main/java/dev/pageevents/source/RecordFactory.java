package dev.pageevents.source;

import dev.pageevents.core.event.PageEvent;
import dev.pageevents.source.PageEventSourceConfig.KeyField;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns a page event into a source record: value a {@link PageEvent#SCHEMA} struct, key the field
 * chosen by {@code key.field}, record timestamp the event time.
 */
public final class RecordFactory {
  private final String topic;
  private final KeyField keyField;

  public RecordFactory(String topic, KeyField keyField) {
    this.topic = topic;
    this.keyField = keyField;
  }

  public SourceRecord record(PageEvent event, Map<String, ?> partition, Map<String, ?> offset) {
    return new SourceRecord(
        partition,
        offset,
        topic,
        null,
        keySchema(),
        key(event),
        PageEvent.SCHEMA,
        event.toStruct(),
        event.timestampMs());
  }

  public String topic() {
    return topic;
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
