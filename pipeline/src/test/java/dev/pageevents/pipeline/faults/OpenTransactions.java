package dev.pageevents.pipeline.faults;

import dev.pageevents.pipeline.progress.AdminReads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * What a fault test prints when the stream stalls: per partition of the given topics whose last
 * stable offset trails its high watermark (an open transaction holds back every read_committed
 * reader, Connect's offset stores included), the producers with a transaction open there, and every
 * transaction the coordinators know with its state. A transaction open on a partition that no
 * coordinator lists is a hanging one.
 */
final class OpenTransactions {
  private OpenTransactions() {}

  static String report(String bootstrapServers, List<String> topics) {
    try (Admin admin = AdminReads.open(bootstrapServers, "pageevents-fault-diagnosis")) {
      List<String> lines = new ArrayList<>();
      for (TopicPartition partition : pinned(admin, topics, lines)) {
        for (ProducerState producer :
            AdminReads.read(
                "the producers of " + partition,
                () ->
                    admin
                        .describeProducers(List.of(partition))
                        .partitionResult(partition)
                        .get()
                        .activeProducers())) {
          if (producer.currentTransactionStartOffset().isPresent()) {
            lines.add(
                "  %s: producer %d epoch %d has a transaction open since offset %d (last write %d)"
                    .formatted(
                        partition,
                        producer.producerId(),
                        producer.producerEpoch(),
                        producer.currentTransactionStartOffset().getAsLong(),
                        producer.lastTimestamp()));
          }
        }
      }
      for (TransactionListing listing :
          AdminReads.read("the transactions", () -> admin.listTransactions().all().get())) {
        lines.add(
            "  transaction %s: producer %d, %s"
                .formatted(listing.transactionalId(), listing.producerId(), listing.state()));
      }
      return String.join("\n", lines);
    } catch (RuntimeException e) {
      return "  (could not read the transactions: " + e + ")";
    }
  }

  /** The partitions whose last stable offset is below their high watermark, each noted in lines. */
  private static List<TopicPartition> pinned(Admin admin, List<String> topics, List<String> lines) {
    Map<String, TopicDescription> described =
        AdminReads.read(
            "the topics " + topics, () -> admin.describeTopics(topics).allTopicNames().get());
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    described
        .values()
        .forEach(
            topic ->
                topic
                    .partitions()
                    .forEach(
                        p ->
                            latest.put(
                                new TopicPartition(topic.name(), p.partition()),
                                OffsetSpec.latest())));
    Map<TopicPartition, Long> high = ends(admin, latest, IsolationLevel.READ_UNCOMMITTED);
    Map<TopicPartition, Long> stable = ends(admin, latest, IsolationLevel.READ_COMMITTED);
    List<TopicPartition> pinned = new ArrayList<>();
    high.forEach(
        (partition, watermark) -> {
          long lso = stable.get(partition);
          if (lso < watermark) {
            pinned.add(partition);
            lines.add(
                "  %s: last stable offset %d, high watermark %d"
                    .formatted(partition, lso, watermark));
          }
        });
    if (pinned.isEmpty()) {
      lines.add("  no partition of " + topics + " has an open transaction");
    }
    return pinned;
  }

  private static Map<TopicPartition, Long> ends(
      Admin admin, Map<TopicPartition, OffsetSpec> specs, IsolationLevel isolation) {
    Map<TopicPartition, Long> ends = new HashMap<>();
    AdminReads.read(
            "the end offsets (" + isolation + ")",
            () -> admin.listOffsets(specs, new ListOffsetsOptions(isolation)).all().get())
        .forEach((partition, info) -> ends.put(partition, info.offset()));
    return ends;
  }
}
