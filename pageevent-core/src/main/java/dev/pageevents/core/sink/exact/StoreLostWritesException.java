package dev.pageevents.core.sink.exact;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Thrown by an exact writer when the store no longer holds writes it acknowledged: its stored
 * offset for a partition is below one the writer saw it store (a replica promoted before an
 * asynchronous copy arrived, a restart without persistence). The store's offsets and data still
 * agree, so the task resumes from the store's offsets and writes the lost records again; later
 * records of the batch are not written before them.
 */
public final class StoreLostWritesException extends RuntimeException {
  private final transient Map<TopicPartition, Long> resumeFrom;

  /**
   * @param resumeFrom per partition, the first offset the store lacks (one past its stored offset,
   *     0 when it has none)
   */
  public StoreLostWritesException(String message, Map<TopicPartition, Long> resumeFrom) {
    super(message);
    this.resumeFrom = Map.copyOf(resumeFrom);
  }

  public Map<TopicPartition, Long> resumeFrom() {
    return resumeFrom;
  }
}
