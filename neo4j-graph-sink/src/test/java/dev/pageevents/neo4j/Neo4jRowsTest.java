package dev.pageevents.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.sink.PageEventRecord;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class Neo4jRowsTest {

  private static PageEventRecord record(long offset, String user, String page, long ts, long ms) {
    SinkRecord sink = new SinkRecord("t", 0, null, null, null, "v", offset);
    return new PageEventRecord(sink, new PageEvent("e" + offset, page, user, ts, ms));
  }

  @Test
  void shouldSumEachUserPagePairOfTheBatchIntoOneSortedRow() {
    List<Map<String, Object>> rows =
        Neo4jRows.visits(
            List.of(
                record(1, "u2", "/b", 500, 10),
                record(2, "u1", "/a", 300, 20),
                record(3, "u2", "/b", 100, 5)));

    assertThat(rows)
        .containsExactly(
            Map.of(
                "user",
                "u1",
                "page",
                "/a",
                "count",
                1L,
                "durationMs",
                20L,
                "firstAt",
                300L,
                "lastAt",
                300L),
            Map.of(
                "user",
                "u2",
                "page",
                "/b",
                "count",
                2L,
                "durationMs",
                15L,
                "firstAt",
                100L,
                "lastAt",
                500L));
  }

  @Test
  void shouldCountTransitionsFromTheStoredLastPageInOffsetOrder() {
    Map<String, List<String>> pages =
        Neo4jRows.pagesByUser(
            List.of(
                record(3, "u1", "/c", 0, 0),
                record(1, "u1", "/a", 0, 0),
                record(2, "u1", "/b", 0, 0)));

    assertThat(pages).containsEntry("u1", List.of("/a", "/b", "/c"));
    assertThat(Neo4jRows.transitions(pages, Map.of("u1", "/c")))
        .containsExactly(
            Map.of("from", "/a", "to", "/b", "count", 1L),
            Map.of("from", "/b", "to", "/c", "count", 1L),
            Map.of("from", "/c", "to", "/a", "count", 1L));
    assertThat(Neo4jRows.lastPages(pages)).containsExactly(Map.of("user", "u1", "page", "/c"));
  }
}
