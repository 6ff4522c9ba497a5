package dev.pageevents.pipeline.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.core.view.PageTotals;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RebuildTest {
  private static final String URL = "http://connect:8083/";

  @Test
  void shouldSetTheRebuildModeFirstWhenTheConfigSaysOtherwise() {
    assertThat(Rebuild.of("redis-cache-sink", Map.of()).commands(URL))
        .containsExactly(
            "curl -fsS -X PATCH -H 'Content-Type: application/json'"
                + " -d '{\"offsets.reset\":\"rebuild\"}'"
                + " 'http://connect:8083/connectors/redis-cache-sink/config'",
            "curl -fsS -X PUT 'http://connect:8083/connectors/redis-cache-sink/stop'",
            "until curl -fsS 'http://connect:8083/connectors/redis-cache-sink/status'"
                + " | grep -q '\"state\":\"STOPPED\"'; do sleep 1; done",
            "curl -fsS -X DELETE 'http://connect:8083/connectors/redis-cache-sink/offsets'",
            "curl -fsS -X PUT 'http://connect:8083/connectors/redis-cache-sink/resume'");
  }

  @Test
  void shouldNotPatchAConnectorAlreadyInRebuildMode() {
    assertThat(Rebuild.of("neo4j", Map.of("offsets.reset", "REBUILD")).commands(URL))
        .hasSize(4)
        .noneMatch(command -> command.contains("PATCH"));
  }

  @Test
  void shouldPrintCommandsOnlyForTheStoresThatDiffer() {
    PageTotals truth = new PageTotals("/a", 3, 30);
    Map<String, Map<String, PageTotals>> stores = new LinkedHashMap<>();
    stores.put("MongoDB", Map.of("/a", truth));
    stores.put("Redis", Map.of("/a", new PageTotals("/a", 6, 60)));
    Comparison comparison = Comparison.of("t", 3, 0, Map.of("/a", truth), stores);
    Map<String, Map<String, String>> configs = new LinkedHashMap<>();
    configs.put("mongo-sink", Map.of("connector.class", Store.MONGODB.connectorClass()));
    configs.put("redis-cache-sink", Map.of("connector.class", Store.REDIS.connectorClass()));
    configs.put("page-event-source", Map.of("connector.class", "Source"));

    String printed = Rebuild.forMismatches(comparison, configs, URL);

    assertThat(printed)
        .startsWith("To rebuild Redis from the topic (connector redis-cache-sink), run:\n  curl")
        .contains("/connectors/redis-cache-sink/offsets")
        .doesNotContain("mongo-sink")
        .doesNotContain("page-event-source");
  }
}
