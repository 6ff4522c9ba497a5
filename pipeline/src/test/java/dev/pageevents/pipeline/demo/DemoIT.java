package dev.pageevents.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The one-command demo at a small N, on a free REST port (never 8083, other workers use it), with
 * the source writing the course format: so every sink reads {@code {name, user, date, duration}}
 * and must match the topic exactly ({@link CompareIT} does the same with the pack's format).
 */
class DemoIT {
  @Test
  void shouldRunThePipelineEndToEndInTheCourseFormatAndEndWithEveryStoreEqualToTheTopic() {
    DemoRun run = DemoRun.of("--events", "3000", "--format", "course", "--live-port", "0");

    String printed = run.printed();
    int code = run.exitCode();
    assertThat(code).as(printed).isZero();
    assertThat(printed)
        .contains("Registered 6 connectors")
        .containsPattern(
            "First event in 'page-events': \\{\"name\":\"[^\"]+\",\"user\":\"[^\"]+\","
                + "\"date\":\"2026-01-01T00:\\d{2}:\\d{2}\\.\\d{3}Z\",\"duration\":\\d+}")
        .contains("Live view: http://localhost:")
        .contains("All 5 stores match the topic 'page-events': 3000 events")
        .contains("Kafka (visits / ms)")
        .contains("== MongoDB", "== Cassandra", "== Elasticsearch", "== Redis", "== Neo4j")
        .contains("hash slot", "token", "shard", "neighbourhood", "shard key")
        .doesNotContain("could not query");
  }
}
