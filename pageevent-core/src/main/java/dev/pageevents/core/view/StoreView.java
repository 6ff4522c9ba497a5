package dev.pageevents.core.view;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side of one sink's store, as the pipeline (compare, demo, live view) sees every store:
 * per-page totals, one query that shows what the store is good at, where a piece of the data lives
 * and, when the view can say, which server answered. Views never write; the caller closes them.
 */
public interface StoreView extends AutoCloseable {
  /** How people call the store, e.g. "MongoDB": the column header and the name in mismatches. */
  String storeName();

  /** Visits and total duration per page, as the store holds them now. */
  Map<String, PageTotals> totalsByPage();

  /** The store's signature query about the sample, as lines to print (indented by two spaces). */
  List<String> sampleQuery(ViewSample sample);

  /** Where the sample's data lives in the store (shard, token, slot...), as printable lines. */
  List<String> whereLives(ViewSample sample);

  /**
   * How the store spreads its data over its nodes right now (token ranges, shards or hash slots per
   * node, their replicas, which nodes are up), as printable lines indented by two spaces; empty for
   * a store on one server.
   */
  default List<String> placement() {
    return List.of();
  }

  /** The server that answered (product and version), when the view can tell. */
  default Optional<String> answeredBy() {
    return Optional.empty();
  }

  /** Visits per page per time bucket, for stores that keep them (the live view's chart). */
  default Optional<TimeBuckets> timeBuckets() {
    return Optional.empty();
  }

  @Override
  void close();
}
