package dev.pageevents.source.generator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * What the generator makes: the settings' definitions and their values in a connector config.
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

  public static final String GENERATOR_GROUP = "Generator";

  public static final String RATE_CONFIG = "events.per.second";
  private static final String RATE_DOC =
      "Target rate of the whole connector, split evenly across its tasks; 0 = as fast as possible.";
  public static final String PAGES_CONFIG = "pages";
  private static final String PAGES_DOC =
      "Either a page count (pages are named /page/1 .. /page/N) or an explicit list of paths.";
  public static final String USERS_CONFIG = "users";
  private static final String USERS_DOC = "How many distinct users visit (user-1 .. user-N).";
  public static final String POPULARITY_CONFIG = "page.popularity";
  private static final String POPULARITY_DOC =
      "How often each page is visited: 'uniform', or 'zipf' (page k is visited in proportion to"
          + " 1/k^zipf.exponent, so the first pages are the popular ones).";
  public static final String ZIPF_EXPONENT_CONFIG = "zipf.exponent";
  private static final String ZIPF_EXPONENT_DOC =
      "Exponent of the zipf popularity; must be greater than 0 (1.0 is classic web traffic).";
  public static final String DURATION_MEDIAN_CONFIG = "duration.median.ms";
  private static final String DURATION_MEDIAN_DOC =
      "Median visit duration; durations follow a log-normal distribution.";
  public static final String DURATION_SPREAD_CONFIG = "duration.spread";
  private static final String DURATION_SPREAD_DOC =
      "Sigma of the log-normal visit duration: 0 gives every visit the median, 1 is a wide spread.";
  public static final String SEED_CONFIG = "seed";
  private static final String SEED_DOC =
      "Seed of the generator: the same config makes the same events with the same eventIds.";
  public static final String MAX_EVENTS_CONFIG = "max.events";
  private static final String MAX_EVENTS_DOC =
      "Exactly this many events in total across all tasks, then the tasks idle; 0 = no limit.";
  public static final String START_TIME_CONFIG = "start.time";
  private static final String START_TIME_DOC =
      "Empty: event times come from the wall clock. An ISO-8601 instant (2024-05-01T00:00:00Z):"
          + " a simulated clock starting there and advancing time.step.ms per event, for"
          + " backfills.";
  public static final String TIME_STEP_CONFIG = "time.step.ms";
  private static final String TIME_STEP_DOC =
      "Simulated time between two consecutive events of the connector (with start.time).";

  /** Adds this mode's settings to the connector's definition, as their own group. */
  public static void define(ConfigDef def) {
    int order = 0;
    def.define(
        RATE_CONFIG,
        Type.DOUBLE,
        10.0,
        Range.atLeast(0.0),
        Importance.HIGH,
        RATE_DOC,
        GENERATOR_GROUP,
        ++order,
        Width.SHORT,
        "Events per second");
    def.define(
        PAGES_CONFIG,
        Type.LIST,
        "100",
        GeneratorValidators.PAGES,
        Importance.MEDIUM,
        PAGES_DOC,
        GENERATOR_GROUP,
        ++order,
        Width.LONG,
        "Pages");
    def.define(
        USERS_CONFIG,
        Type.INT,
        1000,
        Range.atLeast(1),
        Importance.MEDIUM,
        USERS_DOC,
        GENERATOR_GROUP,
        ++order,
        Width.SHORT,
        "Users");
    def.define(
        POPULARITY_CONFIG,
        Type.STRING,
        "zipf",
        ValidString.in("uniform", "zipf"),
        Importance.MEDIUM,
        POPULARITY_DOC,
        GENERATOR_GROUP,
        ++order,
        Width.SHORT,
        "Page popularity");
    def.define(
        ZIPF_EXPONENT_CONFIG,
        Type.DOUBLE,
        1.0,
        GeneratorValidators.POSITIVE_DOUBLE,
        Importance.LOW,
        ZIPF_EXPONENT_DOC,
        GENERATOR_GROUP,
        ++order,
        Width.SHORT,
        "Zipf exponent");
    def.define(
        DURATION_MEDIAN_CONFIG,
        Type.LONG,
        30_000L,
        Range.atLeast(0L),
        Importance.LOW,
        DURATION_MEDIAN_DOC,
        GENERATOR_GROUP,
        ++order,
        Width.SHORT,
        "Median duration (ms)");
    def.define(
        DURATION_SPREAD_CONFIG,
        Type.DOUBLE,
        1.0,
        Range.between(0.0, 5.0),
        Importance.LOW,
        DURATION_SPREAD_DOC,
        GENERATOR_GROUP,
        ++order,
        Width.SHORT,
        "Duration spread");
    def.define(
        SEED_CONFIG,
        Type.LONG,
        42L,
        null,
        Importance.MEDIUM,
        SEED_DOC,
        GENERATOR_GROUP,
        ++order,
        Width.SHORT,
        "Seed");
    def.define(
        MAX_EVENTS_CONFIG,
        Type.LONG,
        0L,
        Range.atLeast(0L),
        Importance.MEDIUM,
        MAX_EVENTS_DOC,
        GENERATOR_GROUP,
        ++order,
        Width.SHORT,
        "Max events");
    def.define(
        START_TIME_CONFIG,
        Type.STRING,
        "",
        GeneratorValidators.OPTIONAL_INSTANT,
        Importance.LOW,
        START_TIME_DOC,
        GENERATOR_GROUP,
        ++order,
        Width.MEDIUM,
        "Simulated start time");
    def.define(
        TIME_STEP_CONFIG,
        Type.LONG,
        100L,
        Range.atLeast(0L),
        Importance.LOW,
        TIME_STEP_DOC,
        GENERATOR_GROUP,
        ++order,
        Width.SHORT,
        "Simulated time step (ms)");
  }

  public static final long WALL_CLOCK = -1L;

  public GeneratorSettings {
    pages = List.copyOf(pages);
  }

  public static GeneratorSettings from(AbstractConfig config) {
    boolean zipf = "zipf".equalsIgnoreCase(config.getString(POPULARITY_CONFIG));
    String start = config.getString(START_TIME_CONFIG).trim();
    return new GeneratorSettings(
        config.getDouble(RATE_CONFIG),
        pagePaths(config.getList(PAGES_CONFIG)),
        config.getInt(USERS_CONFIG),
        zipf ? config.getDouble(ZIPF_EXPONENT_CONFIG) : 0.0,
        config.getLong(DURATION_MEDIAN_CONFIG),
        config.getDouble(DURATION_SPREAD_CONFIG),
        config.getLong(SEED_CONFIG),
        config.getLong(MAX_EVENTS_CONFIG),
        start.isEmpty() ? WALL_CLOCK : Instant.parse(start).toEpochMilli(),
        config.getLong(TIME_STEP_CONFIG));
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
