package dev.pageevents.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.pipeline.compare.CompareCommand;
import dev.pageevents.pipeline.compare.Comparison;
import dev.pageevents.pipeline.compare.Comparison.Mismatch;
import dev.pageevents.pipeline.compare.ComparisonTable;
import dev.pageevents.pipeline.compare.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * compare against real servers: a Kafka broker and a Connect worker running the plugin archives,
 * the five stores filled by the real sinks from the source connector's events; then each store is
 * damaged in turn behind its sink's back, and compare must name that store and page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompareIT {
  private static final long EVENTS = 2_000;

  @RegisterExtension static final FilledStack filled = new FilledStack(EVENTS);

  @Test
  @Order(1)
  void shouldFindEveryStoreEqualToTheTopic() {
    Comparison comparison = filled.compareNow();

    assertThat(comparison.stores())
        .containsExactly("MongoDB", "Cassandra", "Elasticsearch", "Redis", "Neo4j");
    assertThat(comparison.events()).isEqualTo(EVENTS);
    assertThat(comparison.mismatches()).isEmpty();
    assertThat(comparison.rows())
        .allSatisfy(row -> assertThat(row.stores()).doesNotContainValue(null));
  }

  @Test
  @Order(2)
  void shouldNameTheStoreAndPageOfDamageInjectedIntoEachStoreInTurn() throws Exception {
    List<String> pages = filled.pagesByVisits();
    List<Store> damaged = new ArrayList<>();
    for (Store store : Store.values()) {
      String page = pages.get(store.ordinal());
      Injections.damage(store, filled.configOf(store), page);
      damaged.add(store);

      Comparison comparison = filled.compareNow();

      System.out.println(ComparisonTable.summary(comparison));
      assertThat(comparison.mismatchesOf(store.title()))
          .as("%s damaged on %s", store.title(), page)
          .isNotEmpty()
          .allSatisfy(m -> assertThat(m.page()).isEqualTo(page));
      assertThat(comparison.mismatches())
          .extracting(Mismatch::store)
          .containsOnly(damaged.stream().map(Store::title).toArray(String[]::new));
      assertThat(ComparisonTable.render(comparison, 10)).contains(store.title() + " " + page + ":");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(command(new PrintStream(out, true, StandardCharsets.UTF_8)))
        .as("compare's exit code with every store damaged")
        .isEqualTo(1);
    String printed = out.toString(StandardCharsets.UTF_8);
    System.out.print(printed);
    for (Store store : Store.values()) {
      assertThat(printed).contains("To rebuild " + store.title() + " from the topic (connector ");
    }
  }

  /** The compare command on the bundled connector configs, each store given by its endpoint. */
  private int command(PrintStream out) {
    Map<Store, String> endpoints = filled.stack.endpoints();
    return CompareCommand.main(
        new String[] {
          "--bootstrap-servers", filled.stack.bootstrapServers(),
          "--topic", filled.topic,
          "--mongodb", endpoints.get(Store.MONGODB),
          "--cassandra", endpoints.get(Store.CASSANDRA),
          "--elasticsearch", endpoints.get(Store.ELASTICSEARCH),
          "--redis", endpoints.get(Store.REDIS),
          "--neo4j", endpoints.get(Store.NEO4J),
          "--set",
              "cassandra-sink.cassandra.local.datacenter=" + filled.stack.cassandraDatacenter(),
          "--connect-url", filled.stack.connectUrl()
        },
        out);
  }
}
