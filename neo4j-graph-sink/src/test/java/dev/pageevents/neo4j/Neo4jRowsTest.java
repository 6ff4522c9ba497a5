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
  void shouldSumEachUserPagePairIntoOneSortedRowNamingItsUserAndPageByPosition() {
    Map<String, Object> visits =
        Neo4jRows.visits(
            List.of(
                record(1, "u2", "/b", 500, 10),
                record(2, "u1", "/a", 300, 20),
                record(3, "u2", "/b", 100, 5),
                record(4, "u1", "/b", 700, 1)));

    assertThat(visits.get("users")).isEqualTo(List.of("u1", "u2"));
    assertThat(visits.get("pages")).isEqualTo(List.of("/a", "/b"));
    assertThat(visits.get("rows"))
        .isEqualTo(
            List.of(
                row(0, 0, 1, 20, 300, 300), row(0, 1, 1, 1, 700, 700), row(1, 1, 2, 15, 100, 500)));
  }

  private static Map<String, Object> row(
      long user, long page, long count, long durationMs, long firstAt, long lastAt) {
    return Map.of(
        "u",
        user,
        "p",
        page,
        "count",
        count,
        "durationMs",
        durationMs,
        "firstAt",
        firstAt,
        "lastAt",
        lastAt);
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
