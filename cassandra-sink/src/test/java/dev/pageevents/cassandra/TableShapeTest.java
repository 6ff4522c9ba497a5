package dev.pageevents.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableShapeTest {
  private static final TableShape EXPECTED = CassandraSchema.PAGE_SHAPE;

  @Test
  void shouldAcceptTheExpectedShapeWithExtraColumns() {
    Map<String, String> columns = new LinkedHashMap<>(EXPECTED.columns());
    columns.put("referrer", "text");
    TableShape actual =
        new TableShape(EXPECTED.name(), EXPECTED.partitionKey(), EXPECTED.clustering(), columns);

    assertThat(EXPECTED.mismatches("ks", actual)).isEmpty();
  }

  @Test
  void shouldNameTheTableAndColumnOfAWrongType() {
    Map<String, String> columns = new LinkedHashMap<>(EXPECTED.columns());
    columns.put("duration_ms", "int");
    TableShape actual =
        new TableShape(EXPECTED.name(), EXPECTED.partitionKey(), EXPECTED.clustering(), columns);

    assertThat(EXPECTED.mismatches("ks", actual))
        .containsExactly(
            "table ks.visits_by_page_day: column duration_ms has type int, expected bigint");
  }

  @Test
  void shouldReportMissingColumnsAndADifferentPrimaryKey() {
    Map<String, String> columns = new LinkedHashMap<>(EXPECTED.columns());
    columns.remove("day");
    TableShape actual =
        new TableShape(EXPECTED.name(), List.of("page"), List.of("ts ASC"), columns);

    assertThat(EXPECTED.mismatches("ks", actual))
        .containsExactly(
            "table ks.visits_by_page_day: column day text is missing",
            "table ks.visits_by_page_day: partition key is (page), expected (page, day)",
            "table ks.visits_by_page_day: clustering is (ts ASC), expected (ts DESC, event_id ASC)");
  }

  @Test
  void shouldCreateTheTableWithItsPartitionKeyAndNewestFirst() {
    assertThat(EXPECTED.createCql("pageevents"))
        .isEqualTo(
            "CREATE TABLE IF NOT EXISTS pageevents.visits_by_page_day (page text, day text,"
                + " ts timestamp, event_id text, user text, duration_ms bigint,"
                + " PRIMARY KEY ((page, day), ts, event_id))"
                + " WITH CLUSTERING ORDER BY (ts DESC, event_id ASC)");
    assertThat(CassandraSchema.USER_SHAPE.createCql("pageevents"))
        .contains("visits_by_user_day (user text, day text")
        .contains("PRIMARY KEY ((user, day), ts, event_id)");
  }
}
