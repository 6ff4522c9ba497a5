package dev.pageevents.benchmarks.sink;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** A topic's end offsets and a consumer group's committed offsets, summed over partitions. */
public final class BenchAdmin implements AutoCloseable {
  private final Admin admin;

  public BenchAdmin(String bootstrapServers) {
    this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
  }

  public Admin admin() {
    return admin;
  }

  /** The benchmark topics' partitions ({@link BenchEvents#PARTITIONS} of them). */
  public static List<TopicPartition> partitions(String topic) {
    return IntStream.range(0, BenchEvents.PARTITIONS)
        .mapToObj(p -> new TopicPartition(topic, p))
        .toList();
  }

  /** Records written to the partitions (their end offsets' sum). */
  public long endOffsets(List<TopicPartition> partitions) throws Exception {
    return admin
        .listOffsets(
            partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
        .all()
        .get()
        .values()
        .stream()
        .mapToLong(info -> info.offset())
        .sum();
  }

  /** Records the group has committed on the partitions (0 for a partition without a commit). */
  public long committed(String group, List<TopicPartition> partitions) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    return partitions.stream().map(offsets::get).mapToLong(o -> o == null ? 0 : o.offset()).sum();
  }

  @Override
  public void close() {
    admin.close();
  }
}
