package dev.pageevents.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IndexPatternTest {
  private static final long NOV_21 = Instant.parse("2026-11-21T23:59:59.999Z").toEpochMilli();

  @Test
  void shouldNameADailyIndexFromTheEventTimeInUtc() {
    IndexPattern pattern = new IndexPattern("pageevents-{yyyy.MM.dd}");

    assertThat(pattern.indexFor("page-events", NOV_21)).isEqualTo("pageevents-2026.11.21");
    assertThat(pattern.indexFor("page-events", NOV_21 + 1)).isEqualTo("pageevents-2026.11.22");
    assertThat(pattern.wildcard()).isEqualTo("pageevents-*");
  }

  @Test
  void shouldLowercaseTheTopicAndCombinePlaceholders() {
    IndexPattern pattern = new IndexPattern("pe-{topic}-{yyyy.MM}");

    assertThat(pattern.indexFor("Page-Events", NOV_21)).isEqualTo("pe-page-events-2026.11");
    assertThat(pattern.wildcard()).isEqualTo("pe-*-*");
  }

  @Test
  void shouldAcceptAFixedIndexName() {
    IndexPattern pattern = new IndexPattern("pageevents");

    assertThat(pattern.indexFor("t", 0)).isEqualTo("pageevents");
    assertThat(pattern.wildcard()).isEqualTo("pageevents");
  }

  @Test
  void shouldRequireAFixedPrefixSoTheTemplateMatchesOnlyOurIndices() {
    assertThatThrownBy(() -> new IndexPattern("{topic}")).hasMessageContaining("fixed prefix");
  }

  @Test
  void shouldRejectUppercaseAndForbiddenCharacters() {
    assertThatThrownBy(() -> new IndexPattern("Events-{yyyy}")).hasMessageContaining("lowercase");
    assertThatThrownBy(() -> new IndexPattern("ev*ents")).hasMessageContaining("not allowed");
  }

  @Test
  void shouldRejectUnclosedAndUnknownPlaceholders() {
    assertThatThrownBy(() -> new IndexPattern("ev-{yyyy")).hasMessageContaining("never closed");
    assertThatThrownBy(() -> new IndexPattern("ev-{bogus}")).hasMessageContaining("date pattern");
  }

  @Test
  void shouldSayWhetherTheIndexDependsOnTheEventTime() {
    assertThat(new IndexPattern("pageevents-{yyyy.MM.dd}").timeBased()).isTrue();
    assertThat(new IndexPattern("pageevents-{topic}").timeBased()).isFalse();
    assertThat(new IndexPattern("pageevents").timeBased()).isFalse();
  }
}
