package dev.pageevents.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.pipeline.progress.Progress.PartitionLag;
import dev.pageevents.pipeline.progress.Progress.SinkProgress;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class SinkStallReportTest {
  private static final SinkProgress MONGO_BEHIND_ON_2 =
      new SinkProgress(
          "mongo-sink",
          26_936,
          3_064,
          List.of(new PartitionLag(new TopicPartition("page-events", 2), 6_280, 9_344)));

  @Test
  void shouldKeepTheLastLinesOfTheSinksConsumersAndTasksAboutThePartitionsBehind()
      throws Exception {
    String log =
        String.join(
            "\n",
            "t1 TRACE [Consumer clientId=connector-consumer-mongo-sink-1, groupId=connect-mongo-sink]"
                + " Skipping fetch for partition page-events-2 because previous request to b2",
            "t2 TRACE [Consumer clientId=connector-consumer-redis-cache-sink-0, groupId=x]"
                + " Added fetch request for partition page-events-2 at position 9344",
            "t3 TRACE WorkerSinkTask{id=mongo-sink-1} Consuming and converting message in topic"
                + " 'page-events' partition 2 at offset 6280",
            "t4 TRACE WorkerSinkTask{id=mongo-sink-1} Consuming and converting message in topic"
                + " 'page-events' partition 20 at offset 1",
            "t5 TRACE [Consumer clientId=connector-consumer-mongo-sink-0, groupId=connect-mongo-sink]"
                + " Added fetch request for partition page-events-0 at position 100",
            "t6 TRACE [Consumer clientId=connector-consumer-mongo-sink-1, groupId=connect-mongo-sink]"
                + " Skipping fetch for partition page-events-2 because previous request to b2");

    SinkStallReport.Excerpt excerpt =
        SinkStallReport.excerpt(new BufferedReader(new StringReader(log)), MONGO_BEHIND_ON_2, 2);

    assertThat(excerpt.matching()).isEqualTo(3);
    assertThat(excerpt.last()).hasSize(2);
    assertThat(excerpt.last().get(0)).startsWith("t3 ");
    assertThat(excerpt.last().get(1)).startsWith("t6 ");
  }
}
