package dev.pageevents.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.pipeline.compare.Compare;
import dev.pageevents.pipeline.compare.CompareCommand;
import dev.pageevents.pipeline.compare.Comparison;
import dev.pageevents.pipeline.compare.Comparison.Mismatch;
import dev.pageevents.pipeline.compare.ComparisonTable;
import dev.pageevents.pipeline.compare.Store;
import dev.pageevents.stack.process.Ports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * compare against real servers: a Kafka broker and a Connect worker running the plugin archives,
 * the five stores filled by the real sinks from the source connector's events; then each store is
 * damaged in turn behind its sink's back, and compare must name that store and page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompareIT {
  private static final long EVENTS = 2_000;

  private DemoStack stack;
  private Map<String, Map<String, String>> configs;
  private String topic;

  @BeforeAll
  void fillEveryStore() throws Exception {
    int port = Ports.free();
    Path plugins = Path.of(System.getProperty("plugins.dir"));
    stack = DemoStack.start(port, plugins, System.out);
    Demo demo =
        new Demo(new Demo.Options(EVENTS, false, port, plugins, null, List.of()), System.out);
    configs = demo.configs(stack);
    topic = configs.get(Demo.SOURCE).get(Demo.TOPIC_KEY);
    Topics.create(stack.bootstrapServers(), topic, configs.get(Demo.SOURCE));
    List<String> sinks = demo.register(stack.connectUrl(), configs);
    demo.awaitCatchUp(stack.bootstrapServers(), topic, sinks, configs);
  }

  @AfterAll
  void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void shouldFindEveryStoreEqualToTheTopic() {
    Comparison comparison = compareNow();

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
    List<String> pages =
        compareNow().rows().stream()
            .sorted(Comparator.comparingLong((Comparison.Row r) -> r.kafka().visits()).reversed())
            .map(Comparison.Row::page)
            .toList();
    List<Store> damaged = new ArrayList<>();
    for (Store store : Store.values()) {
      String page = pages.get(store.ordinal());
      Injections.damage(store, storeConfig(store), page);
      damaged.add(store);

      Comparison comparison = compareNow();

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
    assertThat(command()).as("compare's exit code with every store damaged").isEqualTo(1);
  }

  /** The compare command on the bundled connector configs, each store given by its endpoint. */
  private int command() {
    Map<Store, String> endpoints = stack.endpoints();
    return CompareCommand.main(
        new String[] {
          "--bootstrap-servers", stack.bootstrapServers(),
          "--topic", topic,
          "--mongodb", endpoints.get(Store.MONGODB),
          "--cassandra", endpoints.get(Store.CASSANDRA),
          "--elasticsearch", endpoints.get(Store.ELASTICSEARCH),
          "--redis", endpoints.get(Store.REDIS),
          "--neo4j", endpoints.get(Store.NEO4J),
          "--set", "cassandra-sink.cassandra.local.datacenter=" + stack.cassandraDatacenter()
        },
        System.out);
  }

  private Comparison compareNow() {
    try (Compare compare = Compare.open(stack.bootstrapServers(), topic, configs, Map.of())) {
      return compare.run();
    }
  }

  private Map<String, String> storeConfig(Store store) {
    return configs.values().stream()
        .filter(c -> Store.of(c).orElse(null) == store)
        .findFirst()
        .orElseThrow();
  }
}
