package dev.pageevents.elasticsearch;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a batch into bulk requests bounded by count and bytes, and into at least as many requests
 * as may be in flight when the batch is big enough, so a single batch already keeps several bulk
 * requests busy.
 *
 * @param maxActions most documents per bulk request
 * @param maxBytes most (estimated) bytes per bulk request
 * @param maxInFlight bulk requests sent concurrently
 * @param minActions fewest documents worth a request of their own when spreading a batch
 */
record BulkPlan(int maxActions, long maxBytes, int maxInFlight, int minActions) {

  /** A run of the batch, {@code [from, to)}. */
  record Slice(int from, int to) {
    int size() {
      return to - from;
    }
  }

  /**
   * @param sizes estimated bytes of each document, in batch order
   */
  List<Slice> split(long[] sizes) {
    int count = sizes.length;
    int spread = Math.max(minActions, (count + maxInFlight - 1) / maxInFlight);
    int perRequest = Math.max(1, Math.min(maxActions, spread));
    List<Slice> slices = new ArrayList<>();
    int from = 0;
    long bytes = 0;
    for (int i = 0; i < count; i++) {
      boolean full = i - from >= perRequest || (i > from && bytes + sizes[i] > maxBytes);
      if (full) {
        slices.add(new Slice(from, i));
        from = i;
        bytes = 0;
      }
      bytes += sizes[i];
    }
    if (from < count) {
      slices.add(new Slice(from, count));
    }
    return slices;
  }
}
