package dev.pageevents.cassandra.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Deterministic page events for the integration tests, as the JSON a producer would send. */
final class TestEvents {
  static final Instant START = Instant.parse("2025-06-01T20:00:00Z");

  /** One event; {@link #json()} is its record value. */
  record Event(String id, String page, String user, Instant ts, long durationMs) {
    String json() {
      return "{\"eventId\":\"%s\",\"page\":\"%s\",\"user\":\"%s\",\"timestamp\":\"%s\",\"durationMs\":%d}"
          .formatted(id, page, user, ts, durationMs);
    }
  }

  private TestEvents() {}

  /**
   * {@code n} events over 8 hours from {@link #START} (so they span two days), on 5 pages by 7
   * users; ids are {@code <prefix>-<i>}.
   */
  static List<Event> generate(String prefix, int n) {
    List<Event> events = new ArrayList<>(n);
    long stepMs = Duration.ofHours(8).toMillis() / n;
    for (int i = 0; i < n; i++) {
      events.add(
          new Event(
              prefix + "-" + i,
              "/page-" + (i % 5),
              "user-" + (i % 7),
              START.plusMillis(i * stepMs),
              100L + i));
    }
    return events;
  }

  static List<String> json(List<Event> events) {
    return events.stream().map(Event::json).toList();
  }
}
