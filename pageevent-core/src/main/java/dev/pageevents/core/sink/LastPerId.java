package dev.pageevents.core.sink;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collapses a batch to the last operation per document id (per topic, since a sink may write each
 * topic to its own collection or index), keeping batch order: what an unordered bulk must be given
 * so that "last write wins" holds as it does in the topic.
 */
final class LastPerId {
  private LastPerId() {}

  static List<PageEventRecord> of(List<PageEventRecord> batch) {
    Set<List<String>> seen = new HashSet<>();
    List<PageEventRecord> kept = new ArrayList<>(batch.size());
    for (int i = batch.size() - 1; i >= 0; i--) {
      PageEventRecord item = batch.get(i);
      if (seen.add(List.of(item.record().topic(), item.id()))) {
        kept.add(item);
      }
    }
    Collections.reverse(kept);
    return kept;
  }
}
