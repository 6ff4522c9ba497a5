package dev.pageevents.core.sink;

import dev.pageevents.core.event.PageEvent;
import org.apache.kafka.connect.sink.SinkRecord;

/** A page event together with the Kafka record it came from (topic, partition, offset). */
public record PageEventRecord(SinkRecord record, PageEvent event) {}
