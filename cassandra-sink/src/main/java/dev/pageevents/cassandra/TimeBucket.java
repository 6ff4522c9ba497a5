package dev.pageevents.cassandra;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The time slice that, with the page or user, forms a partition key: keeps partitions bounded. The
 * bucket is UTC text, so it reads well in cqlsh and a client computes it without the server.
 */
public enum TimeBucket {
  /** {@code 2026-11-21T10}: for very busy pages. */
  HOUR("yyyy-MM-dd'T'HH"),
  /** {@code 2026-11-21}: the default. */
  DAY("yyyy-MM-dd"),
  /** {@code 2026-11}: for quiet pages. */
  MONTH("yyyy-MM");

  private final DateTimeFormatter format;

  TimeBucket(String pattern) {
    this.format = DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC);
  }

  /** The bucket an instant falls into. */
  public String of(Instant time) {
    return format.format(time);
  }

  /** The bucket an epoch-millisecond time falls into. */
  public String of(long epochMillis) {
    return of(Instant.ofEpochMilli(epochMillis));
  }

  /** Parses a config value ({@code hour}, {@code day} or {@code month}, any case). */
  public static TimeBucket parse(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
