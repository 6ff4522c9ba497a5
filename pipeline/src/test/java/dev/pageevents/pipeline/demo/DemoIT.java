package dev.pageevents.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.stack.process.Ports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The one-command demo at a small N, on a free REST port (never 8083, other workers use it), with
 * the source writing the course format: so every sink reads {@code {name, user, date, duration}}
 * and must match the topic exactly ({@link CompareIT} does the same with the pack's format).
 */
class DemoIT {
  @Test
  void shouldRunThePipelineEndToEndInTheCourseFormatAndEndWithEveryStoreEqualToTheTopic() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(new TeeStream(buffer), true, StandardCharsets.UTF_8);

    int code =
        Demo.main(
            new String[] {
              "--events",
              "3000",
              "--format",
              "course",
              "--connect-port",
              Integer.toString(Ports.free()),
              "--live-port",
              "0",
              "--plugin-path",
              System.getProperty("plugins.dir")
            },
            out);

    String printed = buffer.toString(StandardCharsets.UTF_8);
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
