package dev.pageevents.configs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line of {@link RegisterConnectors}: {@code --connect URL [--dir DIR] [--set
 * <connector>.<key>=<value>]... [--only a,b] [--timeout 180s]}.
 *
 * @param dir null for the configs bundled in the jar
 * @param only empty for every config
 */
record RegisterOptions(
    String connectUrl, Path dir, List<String> overrides, List<String> only, Duration timeout) {
  static final String USAGE =
      "Usage: RegisterConnectors --connect http://host:8083 [--dir connect-configs/connectors]"
          + " [--set <connector>.<key>=<value>]... [--only name,name] [--timeout 180s]";
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);

  RegisterOptions {
    overrides = List.copyOf(overrides);
    only = List.copyOf(only);
  }

  /**
   * @throws IllegalArgumentException naming the problem, for unknown or incomplete options
   */
  static RegisterOptions parse(String... args) {
    String connect = null;
    Path dir = null;
    List<String> overrides = new ArrayList<>();
    List<String> only = new ArrayList<>();
    Duration timeout = DEFAULT_TIMEOUT;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (!List.of("--connect", "--dir", "--set", "--only", "--timeout").contains(option)) {
        throw new IllegalArgumentException("Unknown option '" + option + "'");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--connect" -> connect = value;
        case "--dir" -> dir = Path.of(value);
        case "--set" -> overrides.add(value);
        case "--only" -> only.addAll(splitNames(value));
        default -> timeout = duration(value);
      }
    }
    if (connect == null) {
      throw new IllegalArgumentException("--connect is required");
    }
    return new RegisterOptions(connect, dir, overrides, only, timeout);
  }

  /** "180s", "3m", "500ms", "1h", a bare number of seconds, or ISO-8601 ("PT3M"). */
  static Duration duration(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (value.startsWith("pt")) {
        return Duration.parse(value.toUpperCase(Locale.ROOT));
      }
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      }
      long amount = Long.parseLong(value.replaceAll("[smh]$", ""));
      if (value.endsWith("m")) {
        return Duration.ofMinutes(amount);
      }
      return value.endsWith("h") ? Duration.ofHours(amount) : Duration.ofSeconds(amount);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "--timeout expects a duration like 180s, 3m or 500ms; got '" + text + "'");
    }
  }

  private static List<String> splitNames(String value) {
    return List.of(value.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
