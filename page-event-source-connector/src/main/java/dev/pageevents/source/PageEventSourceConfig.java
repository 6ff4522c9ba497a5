package dev.pageevents.source;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.NonEmptyString;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

/** The settings of the page event source connector: where events come from and where they go. */
public class PageEventSourceConfig extends AbstractConfig {
  public static final String SOURCE_GROUP = "Source";
  public static final String GENERATOR_GROUP = "Generator";
  public static final String HTTP_GROUP = "HTTP ingest";
  public static final String FILE_GROUP = "File ingest";

  /** Where the events come from. */
  public enum Mode {
    GENERATOR,
    HTTP,
    FILE
  }

  /** Which event field becomes the record key. */
  public enum KeyField {
    PAGE,
    USER,
    NONE
  }

  public static final String MODE_CONFIG = "mode";
  private static final String MODE_DOC =
      "Where events come from: 'generator' makes synthetic events, 'http' accepts POST /events,"
          + " 'file' tails NDJSON files in a directory.";
  public static final String TOPIC_CONFIG = "topic";
  private static final String TOPIC_DOC = "The topic the events are written to.";
  public static final String KEY_FIELD_CONFIG = "key.field";
  private static final String KEY_FIELD_DOC =
      "Which event field is the record key (and so picks the partition): page, user or none.";
  public static final String BATCH_MAX_CONFIG = "batch.max.records";
  private static final String BATCH_MAX_DOC = "Most records a task returns from one poll.";

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

  public static final String HTTP_PORT_CONFIG = "http.port";
  private static final String HTTP_PORT_DOC = "Port of the HTTP ingest endpoint POST /events.";
  public static final String HTTP_BIND_CONFIG = "http.bind.address";
  private static final String HTTP_BIND_DOC =
      "Address the HTTP endpoint listens on; 0.0.0.0 accepts connections from other hosts.";
  public static final String HTTP_TOKEN_CONFIG = "http.bearer.token";
  private static final String HTTP_TOKEN_DOC =
      "When set, requests must carry 'Authorization: Bearer <token>' or get 401.";
  public static final String HTTP_QUEUE_CONFIG = "http.queue.capacity";
  private static final String HTTP_QUEUE_DOC =
      "Events accepted but not yet acknowledged by Kafka; a request that does not fit gets 429.";
  public static final String HTTP_ACK_TIMEOUT_CONFIG = "http.ack.timeout.ms";
  private static final String HTTP_ACK_TIMEOUT_DOC =
      "How long a request waits for Kafka to acknowledge its events before it gets 503.";
  public static final String HTTP_MAX_BODY_CONFIG = "http.max.body.bytes";
  private static final String HTTP_MAX_BODY_DOC = "Largest request body accepted (413 beyond).";
  public static final String HTTP_THREADS_CONFIG = "http.threads";
  private static final String HTTP_THREADS_DOC = "Threads serving HTTP requests concurrently.";

  public static final String FILE_DIRECTORY_CONFIG = "file.directory";
  private static final String FILE_DIRECTORY_DOC =
      "Directory whose NDJSON files are tailed (new files and appends).";
  public static final String FILE_PATTERN_CONFIG = "file.pattern";
  private static final String FILE_PATTERN_DOC = "Glob of the file names to read, e.g. *.ndjson.";
  public static final String FILE_POLL_INTERVAL_CONFIG = "file.poll.interval.ms";
  private static final String FILE_POLL_INTERVAL_DOC =
      "How long an idle task waits before it looks for new files and appended lines again.";
  public static final String FILE_BAD_LINES_TOPIC_CONFIG = "file.bad.lines.topic";
  private static final String FILE_BAD_LINES_TOPIC_DOC =
      "With errors.tolerance=all, bad lines are sent on to this topic as text with headers naming"
          + " the file, line and problem; empty = they are logged and skipped. With"
          + " errors.tolerance=none a bad line fails the task.";

  /** Copied into the connector config by Connect; read to decide what a bad line does. */
  public static final String ERRORS_TOLERANCE_CONFIG = "errors.tolerance";

  /** Set by the connector on each task: its number and how many tasks there are. */
  public static final String TASK_INDEX_CONFIG = "task.index";

  public static final String TASK_COUNT_CONFIG = "task.count";

  public static final ConfigDef CONFIG_DEF = definition();

  public PageEventSourceConfig(Map<?, ?> props) {
    super(CONFIG_DEF, props);
  }

  private static ConfigDef definition() {
    ConfigDef def = new ConfigDef();
    int order = 0;
    def.define(
        MODE_CONFIG,
        Type.STRING,
        "generator",
        caseInsensitive(Mode.values()),
        Importance.HIGH,
        MODE_DOC,
        SOURCE_GROUP,
        ++order,
        Width.SHORT,
        "Mode");
    def.define(
        TOPIC_CONFIG,
        Type.STRING,
        "page-events",
        new NonEmptyString(),
        Importance.HIGH,
        TOPIC_DOC,
        SOURCE_GROUP,
        ++order,
        Width.MEDIUM,
        "Topic");
    def.define(
        KEY_FIELD_CONFIG,
        Type.STRING,
        "page",
        caseInsensitive(KeyField.values()),
        Importance.MEDIUM,
        KEY_FIELD_DOC,
        SOURCE_GROUP,
        ++order,
        Width.SHORT,
        "Key field");
    def.define(
        BATCH_MAX_CONFIG,
        Type.INT,
        2000,
        Range.between(1, 100_000),
        Importance.LOW,
        BATCH_MAX_DOC,
        SOURCE_GROUP,
        ++order,
        Width.SHORT,
        "Max records per poll");

    order = 0;
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
        new SourceValidators.Pages(),
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
        new SourceValidators.PositiveDouble(),
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
        new SourceValidators.OptionalInstant(),
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

    order = 0;
    def.define(
        HTTP_PORT_CONFIG,
        Type.INT,
        8090,
        Range.between(0, 65_535),
        Importance.HIGH,
        HTTP_PORT_DOC,
        HTTP_GROUP,
        ++order,
        Width.SHORT,
        "Port");
    def.define(
        HTTP_BIND_CONFIG,
        Type.STRING,
        "127.0.0.1",
        new NonEmptyString(),
        Importance.MEDIUM,
        HTTP_BIND_DOC,
        HTTP_GROUP,
        ++order,
        Width.MEDIUM,
        "Bind address");
    def.define(
        HTTP_TOKEN_CONFIG,
        Type.PASSWORD,
        null,
        null,
        Importance.MEDIUM,
        HTTP_TOKEN_DOC,
        HTTP_GROUP,
        ++order,
        Width.MEDIUM,
        "Bearer token");
    def.define(
        HTTP_QUEUE_CONFIG,
        Type.INT,
        10_000,
        Range.atLeast(1),
        Importance.MEDIUM,
        HTTP_QUEUE_DOC,
        HTTP_GROUP,
        ++order,
        Width.SHORT,
        "Queue capacity");
    def.define(
        HTTP_ACK_TIMEOUT_CONFIG,
        Type.LONG,
        30_000L,
        Range.atLeast(1L),
        Importance.LOW,
        HTTP_ACK_TIMEOUT_DOC,
        HTTP_GROUP,
        ++order,
        Width.SHORT,
        "Ack timeout (ms)");
    def.define(
        HTTP_MAX_BODY_CONFIG,
        Type.INT,
        10 << 20,
        Range.atLeast(1),
        Importance.LOW,
        HTTP_MAX_BODY_DOC,
        HTTP_GROUP,
        ++order,
        Width.SHORT,
        "Max body bytes");
    def.define(
        HTTP_THREADS_CONFIG,
        Type.INT,
        8,
        Range.between(1, 256),
        Importance.LOW,
        HTTP_THREADS_DOC,
        HTTP_GROUP,
        ++order,
        Width.SHORT,
        "Threads");

    order = 0;
    def.define(
        FILE_DIRECTORY_CONFIG,
        Type.STRING,
        "",
        null,
        Importance.HIGH,
        FILE_DIRECTORY_DOC,
        FILE_GROUP,
        ++order,
        Width.LONG,
        "Directory");
    def.define(
        FILE_PATTERN_CONFIG,
        Type.STRING,
        "*.ndjson",
        new NonEmptyString(),
        Importance.MEDIUM,
        FILE_PATTERN_DOC,
        FILE_GROUP,
        ++order,
        Width.MEDIUM,
        "File pattern");
    def.define(
        FILE_POLL_INTERVAL_CONFIG,
        Type.LONG,
        100L,
        Range.between(1L, 1_000L),
        Importance.LOW,
        FILE_POLL_INTERVAL_DOC,
        FILE_GROUP,
        ++order,
        Width.SHORT,
        "Poll interval (ms)");
    def.define(
        FILE_BAD_LINES_TOPIC_CONFIG,
        Type.STRING,
        "",
        null,
        Importance.MEDIUM,
        FILE_BAD_LINES_TOPIC_DOC,
        FILE_GROUP,
        ++order,
        Width.MEDIUM,
        "Bad lines topic");
    return def;
  }

  private static ConfigDef.Validator caseInsensitive(Enum<?>[] values) {
    String[] names = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      names[i] = values[i].name().toLowerCase(Locale.ROOT);
    }
    return ConfigDef.CaseInsensitiveValidString.in(names);
  }

  public Mode mode() {
    return Mode.valueOf(getString(MODE_CONFIG).toUpperCase(Locale.ROOT));
  }

  public KeyField keyField() {
    return KeyField.valueOf(getString(KEY_FIELD_CONFIG).toUpperCase(Locale.ROOT));
  }

  public String topic() {
    return getString(TOPIC_CONFIG);
  }

  public int batchMaxRecords() {
    return getInt(BATCH_MAX_CONFIG);
  }

  public List<String> pages() {
    return getList(PAGES_CONFIG);
  }

  public String bearerToken() {
    Password token = getPassword(HTTP_TOKEN_CONFIG);
    return token == null || token.value().isEmpty() ? null : token.value();
  }

  /** Whether a bad ingested line may be skipped (errors.tolerance=all) instead of failing. */
  public boolean toleratesErrors() {
    Object tolerance = originals().get(ERRORS_TOLERANCE_CONFIG);
    return tolerance != null && "all".equalsIgnoreCase(tolerance.toString().trim());
  }

  /** This task's number; 0 when the config is the connector's own. */
  public int taskIndex() {
    return intOriginal(TASK_INDEX_CONFIG, 0);
  }

  /** How many tasks share the work; 1 when the config is the connector's own. */
  public int taskCount() {
    return intOriginal(TASK_COUNT_CONFIG, 1);
  }

  private int intOriginal(String name, int missing) {
    Object value = originals().get(name);
    return value == null ? missing : Integer.parseInt(value.toString().trim());
  }
}
