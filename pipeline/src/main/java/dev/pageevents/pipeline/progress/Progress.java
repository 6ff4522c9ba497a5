package dev.pageevents.pipeline.progress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far each sink has got: the topic's end offsets against the offsets each sink's consumer group
 * ({@code connect-<connector>}) committed, read through the Admin API. A sink only commits what its
 * store durably holds, so lag 0 at the topic's final end means the store has every event.
 */
public final class Progress implements AutoCloseable {
  /**
   * One sink: records committed (written to its store), how many it still has to write, and the
   * partitions where it has some left.
   */
  public record SinkProgress(
      String connector, long committed, long lag, List<PartitionLag> behind) {
    public SinkProgress {
      behind = List.copyOf(behind);
    }

    /** "page-events-2 at 6,280 of 9,344, ..." */
    public String describeBehind() {
      return behind.stream().map(PartitionLag::toString).collect(Collectors.joining(", "));
    }
  }

  /** A partition a sink has not written to its end: its committed offset and the end offset. */
  public record PartitionLag(TopicPartition partition, long committed, long end) {
    @Override
    public String toString() {
      return String.format("%s at %,d of %,d", partition, committed, end);
    }
  }

  /** The topic's size now and each sink's progress. */
  public record Snapshot(long topicEnd, Map<String, SinkProgress> sinks) {
    /** True when the topic holds at least {@code events} and no sink lags. */
    public boolean caughtUp(long events) {
      return topicEnd >= events && sinks.values().stream().allMatch(s -> s.lag() == 0);
    }

    /** One line: "topic 42,000/100,000 | mongo-sink 40,000 (lag 2,000) | ...". */
    public String line(long events, Map<String, String> titles) {
      return String.format("topic %,d/%,d", topicEnd, events)
          + sinks.values().stream()
              .map(
                  s ->
                      String.format(
                          " | %s %,d%s",
                          titles.getOrDefault(s.connector(), s.connector()),
                          s.committed(),
                          s.lag() == 0 ? "" : String.format(" (lag %,d)", s.lag())))
              .collect(Collectors.joining());
    }
  }

  private final Admin admin;
  private final String topic;
  private final List<String> connectors;

  public Progress(String bootstrapServers, String topic, List<String> sinkConnectors) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "pageevents-demo-progress");
    this.admin = Admin.create(props);
    this.topic = topic;
    this.connectors = List.copyOf(sinkConnectors);
  }

  /** The offsets now. */
  public Snapshot snapshot() {
    return AdminReads.read("the offsets of " + topic, this::read);
  }

  private Snapshot read() throws InterruptedException, ExecutionException {
    List<TopicPartition> partitions =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    Map<TopicPartition, OffsetSpec> latest =
        partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
    long topicEnd = ends.values().stream().mapToLong(ListOffsetsResultInfo::offset).sum();
    Map<String, SinkProgress> sinks = new LinkedHashMap<>();
    for (String connector : connectors) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets("connect-" + connector)
              .partitionsToOffsetAndMetadata()
              .get();
      long done = 0;
      long lag = 0;
      List<PartitionLag> behind = new ArrayList<>();
      for (TopicPartition partition : partitions) {
        OffsetAndMetadata offset = committed.get(partition);
        long at = offset == null ? 0 : offset.offset();
        long end = ends.get(partition).offset();
        done += at;
        lag += end - at;
        if (at < end) {
          behind.add(new PartitionLag(partition, at, end));
        }
      }
      sinks.put(connector, new SinkProgress(connector, done, lag, behind));
    }
    return new Snapshot(topicEnd, sinks);
  }

  /** Closes the Admin client without waiting more than a few seconds for a broker that is gone. */
  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
