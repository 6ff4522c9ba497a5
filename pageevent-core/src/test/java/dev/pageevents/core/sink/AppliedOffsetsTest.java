package dev.pageevents.core.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.core.event.PageEvent;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class AppliedOffsetsTest {
  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static final TopicPartition P1 = new TopicPartition("t", 1);

  static PageEventRecord record(int partition, long offset) {
    SinkRecord sink = new SinkRecord("t", partition, null, null, null, "v", offset);
    return new PageEventRecord(sink, new PageEvent("e" + offset, "p", "u", 0L, 1L));
  }

  @Test
  void shouldSkipRecordsAtOrBelowTheAppliedOffsetOfTheirPartition() {
    List<PageEventRecord> batch =
        List.of(record(0, 4), record(0, 5), record(0, 6), record(1, 1), record(1, 2));

    List<PageEventRecord> left = AppliedOffsets.unapplied(batch, Map.of(P0, 5L));

    assertThat(left)
        .extracting(r -> r.record().kafkaPartition() + "@" + r.record().kafkaOffset())
        .containsExactly("0@6", "1@1", "1@2");
  }

  @Test
  void shouldReportTheHighestOffsetOfEachPartition() {
    assertThat(AppliedOffsets.lastOffsets(List.of(record(0, 7), record(1, 3), record(0, 9))))
        .isEqualTo(Map.of(P0, 9L, P1, 3L));
  }
}
