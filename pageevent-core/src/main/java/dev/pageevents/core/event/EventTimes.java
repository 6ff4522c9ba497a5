package dev.pageevents.core.event;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Event times given as text: epoch milliseconds, or ISO-8601 with an offset or without one (then
 * UTC). The common UTC forms ({@code 2026-11-21T10:15:30.123Z}, {@code 2026-11-21T10:15:30}) are
 * read by hand without a formatter or regex; anything else goes to {@code java.time}, which also
 * decides what is invalid.
 */
final class EventTimes {
  private static final int DATE_TIME_LENGTH = "2026-11-21T10:15:30".length();
  private static final long NO_FAST_PATH = Long.MIN_VALUE;

  private EventTimes() {}

  /**
   * Whether the text is what a long's epoch milliseconds look like: an optional minus, 1-19 digits.
   */
  static boolean looksLikeEpochMillis(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    int digits = text.length() - start;
    if (digits < 1 || digits > 19) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Epoch milliseconds of an ISO-8601 date-time; without an offset it is UTC.
   *
   * @throws DateTimeParseException when the text is not one
   */
  static long parseIso(String text) {
    long fast = utcFastPath(text);
    if (fast != NO_FAST_PATH) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException notWithOffset) {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}][Z]}, or {@link #NO_FAST_PATH} for anything else. */
  private static long utcFastPath(String s) {
    int length = s.length();
    if (length < DATE_TIME_LENGTH
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return NO_FAST_PATH;
    }
    int end = s.charAt(length - 1) == 'Z' ? length - 1 : length;
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    int millis = 0;
    if (end > DATE_TIME_LENGTH) {
      int fractionDigits = end - DATE_TIME_LENGTH - 1;
      if (s.charAt(DATE_TIME_LENGTH) != '.' || fractionDigits < 1 || fractionDigits > 9) {
        return NO_FAST_PATH;
      }
      int fraction = digits(s, DATE_TIME_LENGTH + 1, end);
      if (fraction < 0) {
        return NO_FAST_PATH;
      }
      millis =
          fractionDigits <= 3
              ? fraction * pow10(3 - fractionDigits)
              : fraction / pow10(fractionDigits - 3);
    }
    if ((year | month | day | hour | minute | second) < 0
        || hour > 23
        || minute > 59
        || second > 59) {
      return NO_FAST_PATH;
    }
    try {
      long epochDay = LocalDate.of(year, month, day).toEpochDay();
      return ((epochDay * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
    } catch (DateTimeException invalidDate) {
      return NO_FAST_PATH;
    }
  }

  /** The decimal number in {@code s[from, to)}, or -1 when a character is not a digit. */
  private static int digits(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static int pow10(int exponent) {
    int value = 1;
    for (int i = 0; i < exponent; i++) {
      value *= 10;
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
