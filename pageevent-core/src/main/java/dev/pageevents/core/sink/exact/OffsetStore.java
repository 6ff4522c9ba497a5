package dev.pageevents.core.sink.exact;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * A store that keeps, atomically with the data, the offset of the last record it applied per
 * partition. Its writer implements this so the task can resume from the store on assignment.
 */
public interface OffsetStore {

  /**
   * The offset of the last record the store applied, for each given partition it knows completely;
   * partitions it has no (or only partial) record of are left out, and Connect then resumes them
   * from the consumer group's committed offset.
   *
   * @throws Exception anything the store raised
   */
  Map<TopicPartition, Long> appliedOffsets(Collection<TopicPartition> partitions) throws Exception;
}
