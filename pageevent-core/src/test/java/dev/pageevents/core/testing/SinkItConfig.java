package dev.pageevents.core.testing;

import java.util.HashMap;
import java.util.Map;

/** The connector settings every sink integration test starts from: string values and a DLQ. */
public final class SinkItConfig {
  private SinkItConfig() {}

  /**
   * Two tasks reading {@code topic} as plain strings, tolerating bad records and sending them to
   * {@code dlq} with Connect's error context headers; a mutable map the test adds its store to.
   */
  public static Map<String, String> stringsWithDeadLetterQueue(String topic, String dlq) {
    Map<String, String> props = new HashMap<>();
    props.put("tasks.max", "2");
    props.put("topics", topic);
    props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
    props.put("errors.tolerance", "all");
    props.put("errors.deadletterqueue.topic.name", dlq);
    props.put("errors.deadletterqueue.topic.replication.factor", "1");
    props.put("errors.deadletterqueue.context.headers.enable", "true");
    return props;
  }
}
