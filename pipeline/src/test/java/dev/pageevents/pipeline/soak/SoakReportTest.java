package dev.pageevents.pipeline.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SoakReportTest {
  @Test
  void shouldCallRssFlatWhenItOnlyGrowsDuringTheWarmUp() {
    SoakReport report = new SoakReport(1000);
    for (int minute = 0; minute <= 10; minute++) {
      double rss = minute < 2 ? 200 + 100 * minute : 400 + (minute % 2);
      report.add(new SoakReport.Sample(minute, rss, Map.of("redis-cache-sink", 10L)));
    }

    assertThat(report.rssFlat()).isTrue();
    assertThat(report.lagBounded()).isTrue();
  }

  @Test
  void shouldCallRssGrowingWhenItKeepsRisingAfterTheWarmUp() {
    SoakReport report = new SoakReport(1000);
    for (int minute = 0; minute <= 10; minute++) {
      report.add(new SoakReport.Sample(minute, 400 + 10 * minute, Map.of("mongo-sink", 0L)));
    }

    assertThat(report.rssTrend().slope()).isEqualTo(10.0);
    assertThat(report.rssFlat()).isFalse();
  }

  @Test
  void shouldCallLagUnboundedWhenItExceedsTheLimitInTheLastThird() {
    SoakReport report = new SoakReport(1000);
    for (int minute = 0; minute <= 9; minute++) {
      report.add(new SoakReport.Sample(minute, 400, Map.of("neo4j-graph-sink", 500L * minute)));
    }

    assertThat(report.maxLag()).containsEntry("neo4j-graph-sink", 4500L);
    assertThat(report.lagBounded()).isFalse();
  }
}
