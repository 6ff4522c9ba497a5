package dev.pageevents.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventTimesTest {

  /** What the converter did before the hand-written path: java.time only. */
  private static long javaTime(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException notWithOffset) {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-21T10:15:30.123Z",
        "2026-11-21T10:15:30Z",
        "2026-11-21T10:15:30",
        "2026-11-21T10:15:30.1Z",
        "2026-11-21T10:15:30.12",
        "2026-11-21T10:15:30.123456789Z",
        "2024-02-29T23:59:59.999Z",
        "1969-12-31T23:59:59.5Z",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z",
        "2026-11-21T12:15:30.123+02:00",
        "2026-11-21t10:15:30z",
        "2026-11-21T10:15Z",
        "2026-11-21T10:15:30.Z",
        "+12026-11-21T10:15:30Z"
      })
  void shouldReadEveryIsoFormAsJavaTimeDoes(String text) {
    assertThat(EventTimes.parseIso(text)).isEqualTo(javaTime(text));
  }

  @Test
  void shouldMatchJavaTimeOnRandomInstants() {
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      Instant instant =
          Instant.ofEpochMilli(random.nextLong(-5_000_000_000_000L, 250_000_000_000_000L));
      String text = instant.toString();
      assertThat(EventTimes.parseIso(text)).as(text).isEqualTo(instant.toEpochMilli());
      String local = text.substring(0, text.length() - 1);
      assertThat(EventTimes.parseIso(local)).as(local).isEqualTo(instant.toEpochMilli());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-30T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-11-21T24:00:00Z",
        "2026-11-21T10:60:00Z",
        "2026-11-21T10:15:60Z",
        "2026-11-21T10:15:30.1234567890Z",
        "2026-11-21T10:15:3xZ",
        "2026-11-21 10:15:30Z",
        "yesterday",
        ""
      })
  void shouldRejectWhatJavaTimeRejects(String text) {
    assertThatThrownBy(() -> javaTime(text)).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> EventTimes.parseIso(text)).isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void shouldRecogniseEpochMillisTextAsTheOldPatternDid() {
    for (String text :
        new String[] {
          "0",
          "-1",
          "1717236000000",
          "9".repeat(19),
          "9".repeat(20),
          "-",
          "",
          "1.5",
          "12a",
          "--1",
          "+1",
          "١٢٣"
        }) {
      assertThat(EventTimes.looksLikeEpochMillis(text))
          .as(text)
          .isEqualTo(text.matches("-?\\d{1,19}"));
    }
  }
}
