package dev.pageevents.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.configs.ConnectRestClient;
import dev.pageevents.pipeline.compare.Comparison;
import dev.pageevents.pipeline.compare.ComparisonTable;
import dev.pageevents.pipeline.compare.Rebuild;
import dev.pageevents.pipeline.compare.Store;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rebuilding read models from the log, against real servers: the five stores filled by the real
 * sinks from the source connector's events are each damaged behind their sink's back; compare
 * prints the rebuild commands of every store, and the rebuild runs through the Connect REST API
 * only (the test touches no store). Afterwards every store must equal the topic again.
 */
class RebuildIT {
  private static final long EVENTS = 2_000;
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  @RegisterExtension static final FilledStack filled = new FilledStack(EVENTS);

  @Test
  void shouldRebuildEveryDamagedStoreFromTheTopicThroughTheRestApiOnly() throws Exception {
    List<String> pages = filled.pagesByVisits();
    for (Store store : Store.values()) {
      Injections.damage(store, filled.configOf(store), pages.get(store.ordinal()));
    }
    Comparison damaged = filled.compareNow();
    assertThat(damaged.mismatches())
        .extracting(Comparison.Mismatch::store)
        .containsOnly(Arrays.stream(Store.values()).map(Store::title).toArray(String[]::new));

    String connectUrl = filled.stack.connectUrl();
    String printed = Rebuild.forMismatches(damaged, filled.configs, connectUrl);
    System.out.print(printed);
    ConnectRestClient rest = new ConnectRestClient(connectUrl);
    for (String sink : filled.sinks) {
      Rebuild rebuild = Rebuild.of(sink, filled.configs.get(sink));
      assertThat(printed).contains("  " + String.join("\n  ", rebuild.commands(connectUrl)));
      assertThat(rebuild.run(rest, TIMEOUT)).contains("reset successfully");
    }
    rest.awaitRunning(filled.sinks, TIMEOUT);
    filled.awaitCatchUp();

    Comparison rebuilt = Demo.compare(filled.stack, filled.topic, filled.configs);
    System.out.println(ComparisonTable.summary(rebuilt));
    assertThat(rebuilt.events()).isEqualTo(EVENTS);
    assertThat(rebuilt.mismatches()).isEmpty();
    assertThat(rebuilt.rows())
        .allSatisfy(row -> assertThat(row.stores()).doesNotContainValue(null));
  }
}
