package dev.pageevents.pipeline.live;

import dev.pageevents.pipeline.progress.AdminReads;
import dev.pageevents.pipeline.progress.Progress;
import dev.pageevents.pipeline.progress.Progress.SinkProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Each sink's panel: records written (the offsets its consumer group committed, which cover only
 * what the store durably holds), lag, and the records its dead letter queue holds (the DLQ topic's
 * end offsets; 0 while the topic does not exist). Read through the Admin API only.
 */
final class SinkStates implements AutoCloseable {
  static final String DLQ_TOPIC_KEY = "errors.deadletterqueue.topic.name";

  /** The topic's size and one entry per sink. */
  record Sinks(String topic, long topicEnd, List<Sink> sinks) {}

  /** One sink; {@code dlqTopic} is null when the sink has no dead letter queue. */
  record Sink(
      String connector, String store, long written, long lag, String dlqTopic, long dlqRecords) {}

  private final LiveTarget target;
  private final Progress progress;
  private final Admin admin;

  SinkStates(LiveTarget target) {
    this.target = target;
    this.progress = new Progress(target.bootstrapServers(), target.topic(), target.sinkNames());
    this.admin = AdminReads.open(target.bootstrapServers(), "pageevents-live-dlq");
  }

  /** The sinks' total lag now. */
  long lag() {
    return progress.snapshot().sinks().values().stream().mapToLong(SinkProgress::lag).sum();
  }

  Sinks read() {
    Progress.Snapshot snapshot = progress.snapshot();
    Map<String, String> dlqTopics = new HashMap<>();
    target
        .sinkNames()
        .forEach(name -> dlqTopics.put(name, target.configs().get(name).get(DLQ_TOPIC_KEY)));
    Map<String, Long> dlqSizes = sizes(dlqTopics.values().stream().filter(t -> t != null).toList());
    List<Sink> sinks = new ArrayList<>();
    target
        .sinks()
        .forEach(
            (name, store) -> {
              SinkProgress p = snapshot.sinks().get(name);
              String dlq = dlqTopics.get(name);
              sinks.add(
                  new Sink(
                      name,
                      store.title(),
                      p.committed(),
                      p.lag(),
                      dlq,
                      dlq == null ? 0 : dlqSizes.getOrDefault(dlq, 0L)));
            });
    return new Sinks(target.topic(), snapshot.topicEnd(), sinks);
  }

  /** Total end offset of each existing topic; missing topics are left out. */
  private Map<String, Long> sizes(List<String> topics) {
    if (topics.isEmpty()) {
      return Map.of();
    }
    return AdminReads.read("the DLQ topics " + topics, () -> endOffsets(topics));
  }

  private Map<String, Long> endOffsets(List<String> topics)
      throws InterruptedException, ExecutionException {
    Map<String, Long> sizes = new HashMap<>();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (Map.Entry<String, KafkaFuture<TopicDescription>> topic :
        admin.describeTopics(topics).topicNameValues().entrySet()) {
      TopicDescription description;
      try {
        description = topic.getValue().get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof UnknownTopicOrPartitionException) {
          continue; // no record failed yet: Connect creates the DLQ topic on first use
        }
        throw e;
      }
      description
          .partitions()
          .forEach(
              p ->
                  latest.put(
                      new TopicPartition(topic.getKey(), p.partition()), OffsetSpec.latest()));
    }
    for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end :
        admin.listOffsets(latest).all().get().entrySet()) {
      sizes.merge(end.getKey().topic(), end.getValue().offset(), Long::sum);
    }
    return sizes;
  }

  @Override
  public void close() {
    progress.close();
    admin.close(Duration.ofSeconds(5));
  }
}
