package dev.pageevents.source.generator;

import dev.pageevents.source.PageEventSourceConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the generator makes, read from the connector config.
 *
 * @param eventsPerSecond target rate of the whole connector; 0 = as fast as possible
 * @param pages the page paths, most popular first under zipf
 * @param users how many users
 * @param zipfExponent exponent of the page popularity, or 0 for uniform popularity
 * @param durationMedianMs median visit duration
 * @param durationSpread sigma of the log-normal duration
 * @param seed seed of every random choice
 * @param maxEvents events of the whole connector, then idle; 0 = no limit
 * @param startTimeMs start of the simulated clock, or -1 for the wall clock
 * @param timeStepMs simulated time between two consecutive events of the connector
 */
public record GeneratorSettings(
    double eventsPerSecond,
    List<String> pages,
    int users,
    double zipfExponent,
    long durationMedianMs,
    double durationSpread,
    long seed,
    long maxEvents,
    long startTimeMs,
    long timeStepMs) {

  public static final long WALL_CLOCK = -1L;

  public GeneratorSettings {
    pages = List.copyOf(pages);
  }

  public static GeneratorSettings from(PageEventSourceConfig config) {
    boolean zipf =
        "zipf".equalsIgnoreCase(config.getString(PageEventSourceConfig.POPULARITY_CONFIG));
    String start = config.getString(PageEventSourceConfig.START_TIME_CONFIG).trim();
    return new GeneratorSettings(
        config.getDouble(PageEventSourceConfig.RATE_CONFIG),
        pagePaths(config.pages()),
        config.getInt(PageEventSourceConfig.USERS_CONFIG),
        zipf ? config.getDouble(PageEventSourceConfig.ZIPF_EXPONENT_CONFIG) : 0.0,
        config.getLong(PageEventSourceConfig.DURATION_MEDIAN_CONFIG),
        config.getDouble(PageEventSourceConfig.DURATION_SPREAD_CONFIG),
        config.getLong(PageEventSourceConfig.SEED_CONFIG),
        config.getLong(PageEventSourceConfig.MAX_EVENTS_CONFIG),
        start.isEmpty() ? WALL_CLOCK : Instant.parse(start).toEpochMilli(),
        config.getLong(PageEventSourceConfig.TIME_STEP_CONFIG));
  }

  /** A single number is a page count (/page/1 .. /page/N); anything else is the list of paths. */
  static List<String> pagePaths(List<String> configured) {
    if (configured.size() == 1 && configured.get(0).trim().matches("\\d+")) {
      int count = Integer.parseInt(configured.get(0).trim());
      List<String> paths = new ArrayList<>(count);
      for (int i = 1; i <= count; i++) {
        paths.add("/page/" + i);
      }
      return paths;
    }
    return configured.stream().map(String::trim).toList();
  }

  /** Events task {@code index} of {@code count} makes: an even split of max.events, or -1. */
  public long quota(int index, int count) {
    if (maxEvents == 0) {
      return -1;
    }
    return maxEvents / count + (index < maxEvents % count ? 1 : 0);
  }
}
