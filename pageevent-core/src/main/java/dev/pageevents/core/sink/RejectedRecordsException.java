package dev.pageevents.core.sink;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.connect.errors.DataException;

/**
 * Thrown by a {@link StoreWriter} whose store applied a batch except for some items it rejected one
 * by one (Elasticsearch bulk item errors, MongoDB bulk write errors): the pipeline reports exactly
 * those records, without bisecting, and counts the rest as written.
 */
public final class RejectedRecordsException extends Exception {
  private final SortedMap<Integer, String> reasons;

  /**
   * @param reasons per rejected record, its index in the batch given to {@code write} and the
   *     store's reason
   */
  public RejectedRecordsException(Map<Integer, String> reasons) {
    super(reasons.size() + " record(s) of the batch were rejected by the store: " + reasons);
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("name at least one rejected record");
    }
    this.reasons = Collections.unmodifiableSortedMap(new TreeMap<>(reasons));
  }

  /** Batch index to the store's reason, in batch order. */
  public SortedMap<Integer, String> reasons() {
    return reasons;
  }

  /** The error reported (and put in the dead letter queue headers) for one rejected record. */
  DataException errorFor(int index) {
    return new DataException(reasons.get(index));
  }
}
