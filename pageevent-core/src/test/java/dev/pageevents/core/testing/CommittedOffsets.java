package dev.pageevents.core.testing;

import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffset;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * How far a sink connector has committed: the sum of its committed offsets over all partitions,
 * which equals the number of records in its topic once every record is written or reported.
 */
public final class CommittedOffsets {
  private CommittedOffsets() {}

  /** The sum of the connector's committed offsets, or -1 while Connect cannot say. */
  public static long sum(EmbeddedConnectCluster connect, String connector) {
    try {
      long sum = 0;
      for (ConnectorOffset offset : connect.connectorOffsets(connector).offsets()) {
        sum += ((Number) offset.offset().get("kafka_offset")).longValue();
      }
      return sum;
    } catch (RuntimeException e) {
      return -1;
    }
  }
}
