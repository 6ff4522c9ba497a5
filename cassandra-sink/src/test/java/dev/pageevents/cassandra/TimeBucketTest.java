package dev.pageevents.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeBucketTest {
  private static final Instant TIME = Instant.parse("2026-11-21T23:59:30.500Z");

  @Test
  void shouldFormatEachBucketInUtc() {
    assertThat(TimeBucket.HOUR.of(TIME)).isEqualTo("2026-11-21T23");
    assertThat(TimeBucket.DAY.of(TIME)).isEqualTo("2026-11-21");
    assertThat(TimeBucket.MONTH.of(TIME)).isEqualTo("2026-11");
  }

  @Test
  void shouldPutTheFirstMillisecondOfADayIntoThatDay() {
    assertThat(TimeBucket.DAY.of(Instant.parse("2026-11-22T00:00:00Z").toEpochMilli()))
        .isEqualTo("2026-11-22");
  }

  @Test
  void shouldParseConfigValuesInAnyCase() {
    assertThat(TimeBucket.parse("Hour")).isEqualTo(TimeBucket.HOUR);
    assertThat(TimeBucket.parse(" month ")).isEqualTo(TimeBucket.MONTH);
  }
}
