package dev.pageevents.pipeline.demo;

import dev.pageevents.core.view.StoreView;
import dev.pageevents.core.view.ViewSample;
import dev.pageevents.pipeline.compare.Store;
import java.io.PrintStream;
import java.util.Map;

/**
 * After the comparison: one query per store that shows what it is good at, and where a piece of the
 * data lives in it (shard key, token and replicas, shard, hash slot and node, neighbourhood). Every
 * query goes through the sink's own read view.
 */
final class Showcase {
  private final Map<Store, Map<String, String>> configs;
  private final PrintStream out;

  /**
   * @param configs each store's sink connector config, pointed at where the store runs, in the
   *     order to show them
   */
  Showcase(Map<Store, Map<String, String>> configs, PrintStream out) {
    this.configs = configs;
    this.out = out;
  }

  /** Prints every store's query and location; a store that fails is reported, not fatal. */
  void print(ViewSample sample) {
    configs.forEach((store, config) -> section(store, config, sample));
  }

  private void section(Store store, Map<String, String> config, ViewSample sample) {
    out.println();
    out.println("== " + store.title());
    try (StoreView view = store.open(config)) {
      view.sampleQuery(sample).forEach(out::println);
      view.whereLives(sample).forEach(out::println);
      view.answeredBy().ifPresent(server -> out.println("  answered by " + server));
    } catch (RuntimeException e) {
      out.println("  (could not query " + store.title() + ": " + e + ")");
    }
  }
}
