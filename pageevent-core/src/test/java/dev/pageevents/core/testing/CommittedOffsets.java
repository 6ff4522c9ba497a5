package dev.pageevents.core.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffset;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * How far a sink connector has committed, as Connect's REST API and its consumer group show it, and
 * the topic's end offsets to compare them with.
 */
public final class CommittedOffsets {
  private CommittedOffsets() {}

  /** The sum of the connector's committed offsets, or -1 while Connect cannot say. */
  public static long sum(EmbeddedConnectCluster connect, String connector) {
    try {
      return ofConnector(connect, connector).values().stream().mapToLong(Long::longValue).sum();
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /** The connector's committed offset per partition, from {@code GET /connectors/<n>/offsets}. */
  public static Map<TopicPartition, Long> ofConnector(
      EmbeddedConnectCluster connect, String connector) {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (ConnectorOffset offset : connect.connectorOffsets(connector).offsets()) {
      offsets.put(
          new TopicPartition(
              (String) offset.partition().get("kafka_topic"),
              ((Number) offset.partition().get("kafka_partition")).intValue()),
          ((Number) offset.offset().get("kafka_offset")).longValue());
    }
    return offsets;
  }

  /** The committed offset per partition of a sink connector's consumer group, read with Admin. */
  public static Map<TopicPartition, Long> ofGroup(Admin admin, String connector)
      throws InterruptedException, ExecutionException {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    admin
        .listConsumerGroupOffsets("connect-" + connector)
        .partitionsToOffsetAndMetadata()
        .get()
        .forEach(
            (partition, committed) -> {
              if (committed != null) {
                offsets.put(partition, committed.offset());
              }
            });
    return offsets;
  }

  /** The end offset of each of the topic's partitions. */
  public static Map<TopicPartition, Long> endOffsets(Admin admin, String topic, int partitions)
      throws InterruptedException, ExecutionException {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int partition = 0; partition < partitions; partition++) {
      latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
    }
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }
}
