package dev.pageevents.elasticsearch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * An {@code index.pattern} such as {@code pageevents-{yyyy.MM.dd}}: literal text plus placeholders,
 * {@code {topic}} for the record's topic and any other {@code {...}} a date pattern applied to the
 * event time in UTC. Gives each event's index name and the wildcard its index template matches.
 */
final class IndexPattern {
  private static final String TOPIC = "topic";

  private final String pattern;
  private final List<BiFunction<String, Instant, String>> parts = new ArrayList<>();
  private final String wildcard;
  private boolean timeBased;

  /**
   * @throws IllegalArgumentException naming what is wrong with the pattern
   */
  IndexPattern(String pattern) {
    this.pattern = pattern;
    StringBuilder wild = new StringBuilder();
    int at = 0;
    while (at < pattern.length()) {
      int open = pattern.indexOf('{', at);
      if (open < 0) {
        literal(pattern.substring(at), wild);
        break;
      }
      literal(pattern.substring(at, open), wild);
      int close = pattern.indexOf('}', open);
      if (close < 0) {
        throw new IllegalArgumentException("'{' at position " + open + " is never closed");
      }
      placeholder(pattern.substring(open + 1, close));
      if (wild.isEmpty() || wild.charAt(wild.length() - 1) != '*') {
        wild.append('*');
      }
      at = close + 1;
    }
    if (pattern.isEmpty() || pattern.charAt(0) == '{') {
      throw new IllegalArgumentException(
          "start with a fixed prefix such as 'pageevents-', so the index template matches only"
              + " this sink's indices");
    }
    this.wildcard = wild.toString();
  }

  private void literal(String text, StringBuilder wild) {
    if (text.isEmpty()) {
      return;
    }
    if (!text.equals(text.toLowerCase(Locale.ROOT)) || text.matches(".*[\\\\/*?\"<>| ,#:].*")) {
      throw new IllegalArgumentException(
          "'" + text + "' is not allowed in an index name (lowercase, no \\ / * ? \" < > | , # :)");
    }
    parts.add((topic, time) -> text);
    wild.append(text);
  }

  private void placeholder(String name) {
    if (name.equals(TOPIC)) {
      parts.add((topic, time) -> topic.toLowerCase(Locale.ROOT));
      return;
    }
    DateTimeFormatter format;
    try {
      format = DateTimeFormatter.ofPattern(name, Locale.ROOT).withZone(ZoneOffset.UTC);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'{" + name + "}' is neither {topic} nor a date pattern such as {yyyy.MM.dd}", e);
    }
    parts.add((topic, time) -> format.format(time).toLowerCase(Locale.ROOT));
    timeBased = true;
  }

  /** Whether the index depends on the event time (a date placeholder), not only on the topic. */
  boolean timeBased() {
    return timeBased;
  }

  /** The index an event of {@code topic} at {@code timestampMs} goes to. */
  String indexFor(String topic, long timestampMs) {
    Instant time = Instant.ofEpochMilli(timestampMs);
    StringBuilder name = new StringBuilder();
    parts.forEach(part -> name.append(part.apply(topic, time)));
    return name.toString();
  }

  /** What the index template matches, e.g. {@code pageevents-*}; reads go through it too. */
  String wildcard() {
    return wildcard;
  }

  @Override
  public String toString() {
    return pattern;
  }
}
