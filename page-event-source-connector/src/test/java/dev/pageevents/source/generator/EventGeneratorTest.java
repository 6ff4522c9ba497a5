package dev.pageevents.source.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.core.event.PageEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Determinism, distinct ids and the distributions of the generator. */
class EventGeneratorTest {
  private static GeneratorSettings settings(double zipf, long seed, long startMs) {
    return new GeneratorSettings(
        0,
        GeneratorSettings.pagePaths(List.of("50")),
        100,
        zipf,
        30_000,
        1.0,
        seed,
        0,
        startMs,
        100);
  }

  @Test
  void shouldMakeTheSameEventForTheSameSeedTaskAndSequence() {
    EventGenerator first = new EventGenerator(settings(1.0, 7, 0), 1, 3);
    EventGenerator second = new EventGenerator(settings(1.0, 7, 0), 1, 3);
    for (long seq = 0; seq < 1000; seq++) {
      assertThat(second.event(seq, 0)).isEqualTo(first.event(seq, 0));
    }
  }

  @Test
  void shouldMakeDifferentEventsForAnotherSeed() {
    PageEvent a = new EventGenerator(settings(1.0, 7, 0), 0, 1).event(5, 0);
    PageEvent b = new EventGenerator(settings(1.0, 8, 0), 0, 1).event(5, 0);
    assertThat(a.eventId()).isNotEqualTo(b.eventId());
    assertThat(List.of(a.page(), a.user(), a.durationMs()))
        .isNotEqualTo(List.of(b.page(), b.user(), b.durationMs()));
  }

  @Test
  void shouldGiveDistinctIdsAcrossTasksAndSequences() {
    Set<String> ids = new HashSet<>();
    for (int task = 0; task < 3; task++) {
      EventGenerator generator = new EventGenerator(settings(0, 1, 0), task, 3);
      for (long seq = 0; seq < 1000; seq++) {
        ids.add(generator.event(seq, 0).eventId());
      }
    }
    assertThat(ids).hasSize(3000);
  }

  @Test
  void shouldMakeTheFirstPagesMostPopularUnderZipf() {
    EventGenerator generator = new EventGenerator(settings(1.0, 3, 0), 0, 1);
    Map<String, Integer> visits = new HashMap<>();
    for (long seq = 0; seq < 20_000; seq++) {
      visits.merge(generator.event(seq, 0).page(), 1, Integer::sum);
    }
    // Zipf s=1 over 50 pages: page 1 has ~22% of visits, page 2 half of that, page 50 ~0.4%.
    assertThat(visits.get("/page/1")).isBetween(4_000, 5_000);
    assertThat(visits.get("/page/2")).isBetween(2_000, 2_500);
    assertThat(visits.getOrDefault("/page/50", 0)).isLessThan(200);
  }

  @Test
  void shouldSpreadPagesEvenlyWhenUniform() {
    EventGenerator generator = new EventGenerator(settings(0, 3, 0), 0, 1);
    Map<String, Integer> visits = new HashMap<>();
    for (long seq = 0; seq < 50_000; seq++) {
      visits.merge(generator.event(seq, 0).page(), 1, Integer::sum);
    }
    assertThat(visits).hasSize(50);
    assertThat(visits.values()).allSatisfy(count -> assertThat(count).isBetween(800, 1_200));
  }

  @Test
  void shouldCentreDurationsOnTheMedian() {
    EventGenerator generator = new EventGenerator(settings(0, 3, 0), 0, 1);
    long below = 0;
    for (long seq = 0; seq < 10_000; seq++) {
      if (generator.event(seq, 0).durationMs() < 30_000) {
        below++;
      }
    }
    assertThat(below).isBetween(4_700L, 5_300L);
  }

  @Test
  void shouldInterleaveTasksOnTheSimulatedClock() {
    long start = Instant.parse("2024-05-01T00:00:00Z").toEpochMilli();
    EventGenerator task0 = new EventGenerator(settings(0, 3, start), 0, 2);
    EventGenerator task1 = new EventGenerator(settings(0, 3, start), 1, 2);
    assertThat(task0.event(0, 999).timestampMs()).isEqualTo(start);
    assertThat(task1.event(0, 999).timestampMs()).isEqualTo(start + 100);
    assertThat(task0.event(1, 999).timestampMs()).isEqualTo(start + 200);
  }

  @Test
  void shouldUseTheWallClockWithoutStartTime() {
    EventGenerator generator =
        new EventGenerator(settings(0, 3, GeneratorSettings.WALL_CLOCK), 0, 1);
    assertThat(generator.event(0, 123_456).timestampMs()).isEqualTo(123_456);
  }

  @Test
  void shouldSplitMaxEventsExactlyAcrossTasks() {
    GeneratorSettings s = new GeneratorSettings(0, List.of("/a"), 1, 0, 1, 0, 1, 10_000, -1, 0);
    assertThat(s.quota(0, 3) + s.quota(1, 3) + s.quota(2, 3)).isEqualTo(10_000);
    assertThat(s.quota(0, 3)).isEqualTo(3_334);
  }
}
