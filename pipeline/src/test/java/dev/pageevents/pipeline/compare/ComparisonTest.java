package dev.pageevents.pipeline.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.core.view.PageTotals;
import dev.pageevents.pipeline.compare.Comparison.Field;
import dev.pageevents.pipeline.compare.Comparison.Mismatch;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  private static final Map<String, PageTotals> TRUTH =
      Map.of("/a", new PageTotals("/a", 3, 30), "/b", new PageTotals("/b", 1, 5));

  @Test
  void shouldMatchWhenEveryStoreHoldsTheTopicsTotals() {
    Map<String, Map<String, PageTotals>> stores = new LinkedHashMap<>();
    stores.put("MongoDB", TRUTH);
    stores.put("Redis", TRUTH);

    Comparison comparison = Comparison.of("t", 4, 0, TRUTH, stores);

    assertThat(comparison.matches()).isTrue();
    assertThat(comparison.rows()).extracting(Comparison.Row::page).containsExactly("/a", "/b");
    assertThat(ComparisonTable.render(comparison, 10))
        .contains("All 2 stores match the topic 't': 4 events over 2 pages")
        .doesNotContain("*");
  }

  @Test
  void shouldNameStorePageAndFieldOfEveryDifference() {
    Map<String, Map<String, PageTotals>> stores = new LinkedHashMap<>();
    stores.put("MongoDB", Map.of("/a", new PageTotals("/a", 2, 30)));
    stores.put("Neo4j", Map.of("/a", new PageTotals("/a", 3, 31), "/b", TRUTH.get("/b")));
    stores.put(
        "Redis",
        Map.of("/a", TRUTH.get("/a"), "/b", TRUTH.get("/b"), "/c", new PageTotals("/c", 1, 1)));

    Comparison comparison = Comparison.of("t", 4, 0, TRUTH, stores);

    assertThat(comparison.matches()).isFalse();
    assertThat(comparison.mismatches())
        .containsExactly(
            new Mismatch("MongoDB", "/a", Field.VISITS, 3, 2),
            new Mismatch("Neo4j", "/a", Field.TOTAL_DURATION_MS, 30, 31),
            new Mismatch("MongoDB", "/b", Field.MISSING_PAGE, 1, 0),
            new Mismatch("Redis", "/c", Field.EXTRA_PAGE, 0, 1));
    String table = ComparisonTable.render(comparison, 10);
    assertThat(table)
        .contains("2 * / 30")
        .contains("3 / 31 *")
        .contains("4 mismatches")
        .contains("MongoDB /a: visits 3 (Kafka) vs 2");
  }

  @Test
  void shouldShowMismatchedPagesEvenBeyondTheRowLimit() {
    Map<String, PageTotals> truth = new LinkedHashMap<>();
    for (int i = 0; i < 50; i++) {
      truth.put("/p" + i, new PageTotals("/p" + i, 100 - i, i));
    }
    Map<String, PageTotals> redis = new LinkedHashMap<>(truth);
    redis.put("/p49", new PageTotals("/p49", 0, 49));

    Comparison comparison = Comparison.of("t", 0, 0, truth, Map.of("Redis", redis));
    String table = ComparisonTable.render(comparison, 5);

    assertThat(table).contains("/p0 ").contains("/p49").doesNotContain("/p20 ");
    assertThat(table).contains("(44 more pages, all equal in every store)");
  }
}
