package dev.pageevents.reliability;

import static dev.pageevents.core.testing.Await.awaitValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pageevents.core.testing.DeadLetters;
import dev.pageevents.core.testing.PageEventTopic;
import dev.pageevents.core.view.GroundTruth;
import dev.pageevents.stack.KafkaConnectProcesses;
import dev.pageevents.stack.WorkerRuntime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin archives on the Connect workers users already run. Each cell (Connect version x JDK,
 * from {@code -Dmatrix.cells}) forks a real distributed worker of that version on that JDK, with
 * only the unpacked archives on its plugin.path, next to a broker of the build's Kafka version, and
 * checks: every plugin is listed at the build version; a generated stream (exactly-once source)
 * plus one poison record ends exact in all five stores, the poison record in each sink's dead
 * letter queue; a bad config gets per-field errors from {@code /validate}; secrets stay masked.
 * Each cell's result is appended to {@code target/worker-matrix.md} (see {@code ./compat-matrix}).
 */
class WorkerMatrixIT {
  private static final Logger log = LoggerFactory.getLogger(WorkerMatrixIT.class);
  private static final String SOURCE = "dev.pageevents.source.PageEventSourceConnector";
  private static final int EVENTS = 3000;
  private static final String POISON = "{\"page\":\"/poison\"";
  private static final Duration STORE_TIMEOUT = Duration.ofMinutes(5);
  private static final Path RESULTS = Path.of("target", "worker-matrix.md").toAbsolutePath();

  /** A Connect worker version on a JDK feature version (17 or 25). */
  record Cell(String version, int jdk) {
    static Cell parse(String text) {
      String[] parts = text.trim().split("/");
      return new Cell(parts[0], Integer.parseInt(parts[1]));
    }

    WorkerRuntime runtime() {
      Path javaHome =
          jdk == Runtime.version().feature()
              ? Path.of(System.getProperty("java.home"))
              : Path.of(System.getProperty("jdk" + jdk + ".home"));
      return WorkerRuntime.of(
          javaHome, Path.of(System.getProperty("matrix.dir"), version + ".classpath"));
    }

    /** A store namespace of its own (collection, index, keyspace, key prefix). */
    String namespace() {
      return "matrix_" + version.replace('.', '_') + "_jdk" + jdk;
    }

    @Override
    public String toString() {
      return "Connect " + version + " on JDK " + jdk;
    }
  }

  static Stream<Cell> cells() {
    return Arrays.stream(System.getProperty("matrix.cells", "3.7.2/17").split(","))
        .map(Cell::parse);
  }

  @BeforeAll
  static void startResults() throws Exception {
    Files.writeString(
        RESULTS,
        "| Connect worker | JDK | result | seconds |\n|---|---|---|---|\n",
        StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cells")
  void shouldListStreamExactlyValidateAndMaskSecretsOnThisWorker(Cell cell) throws Exception {
    long start = System.nanoTime();
    CellRun run = new CellRun(cell);
    try {
      run.checks();
      record(cell, "pass", start);
    } catch (Throwable e) {
      String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").replace('|', '/');
      record(cell, "FAIL at " + run.step + ": " + abbreviate(message), start);
      throw e;
    } finally {
      run.close();
    }
  }

  private static String abbreviate(String message) {
    return message.length() <= 300 ? message : message.substring(0, 300) + "...";
  }

  private static void record(Cell cell, String result, long startNanos) throws Exception {
    long seconds = Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
    log.info("{}: {} in {} s", cell, result, seconds);
    Files.writeString(
        RESULTS,
        "| " + cell.version() + " | " + cell.jdk() + " | " + result + " | " + seconds + " |\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
  }

  /** One cell's worker and its checks, in order; {@link #step} names the one running. */
  private static final class CellRun {
    private final Cell cell;
    private final String ns;
    private final String secret = "matrix-secret-" + UUID.randomUUID();
    private KafkaConnectProcesses stack;
    private ConnectRest rest;
    private String step = "start the worker";

    CellRun(Cell cell) {
      this.cell = cell;
      this.ns = cell.namespace();
    }

    void checks() throws Exception {
      Path secrets = Path.of("target", "worker-matrix-" + ns + ".properties").toAbsolutePath();
      Files.writeString(secrets, "password=" + secret + "\n");
      stack =
          KafkaConnectProcesses.builder()
              .restPort(0)
              .workerRuntime(cell.runtime())
              .pluginPath(Path.of(System.getProperty("plugins.dir")))
              .workerProperty("exactly.once.source.support", "enabled")
              // the sinks read only what the exactly-once source committed
              .workerProperty("consumer.isolation.level", "read_committed")
              .workerProperty("config.providers", "file")
              .workerProperty(
                  "config.providers.file.class",
                  "org.apache.kafka.common.config.provider.FileConfigProvider")
              .build();
      stack.start();
      rest = new ConnectRest(stack.connectUrl());

      step = "the worker is Connect " + cell.version();
      assertThat(rest.get("/").path("version").asText()).isEqualTo(cell.version());
      step = "list every plugin at the build version";
      everyPluginListed();
      step = "per-field errors from /validate";
      badConfigGetsPerFieldErrors();
      step = "secrets masked";
      secretMaskedInValidation();
      step = "stream into all five stores";
      streamEndsExactInEveryStore(secrets);
    }

    private void everyPluginListed() throws Exception {
      Map<String, String> versions = new TreeMap<>();
      for (JsonNode plugin : rest.get("/connector-plugins?connectorsOnly=true")) {
        versions.put(plugin.path("class").asText(), plugin.path("version").asText());
      }
      Map<String, String> expected = new TreeMap<>();
      expected.put(SOURCE, System.getProperty("project.version"));
      for (Sink sink : Sink.values()) {
        expected.put(sink.connectorClass, System.getProperty("project.version"));
      }
      assertThat(versions).as("/connector-plugins").containsAllEntriesOf(expected);
    }

    private void badConfigGetsPerFieldErrors() throws Exception {
      Map<String, String> config = BadConfigIT.baseConfig("SOURCE");
      config.put("name", "matrix-bad-source");
      config.put("topic", "");
      config.put("events.per.second", "-5");
      JsonNode validation = rest.put("/connector-plugins/" + SOURCE + "/config/validate", config);
      Map<String, List<String>> errors = ConnectRest.errorsByField(validation);
      assertThat(errors).as("errors by field").containsOnlyKeys("topic", "events.per.second");
      assertThat(errors.get("topic")).anyMatch(m -> m.contains("non-empty"));
      assertThat(errors.get("events.per.second")).anyMatch(m -> m.contains("at least 0"));
      assertThat(validation.path("error_count").asInt()).isEqualTo(2);
    }

    private void secretMaskedInValidation() throws Exception {
      Map<String, String> config = new HashMap<>(Sink.NEO4J.connectorConfig("matrix-masked", ns));
      config.put("name", "matrix-masked");
      config.putAll(neo4jCredentials(secret));
      String validation = rest.validate(config);
      assertThat(validation).doesNotContain(secret);
      JsonNode password = null;
      for (JsonNode field : Worker.json().readTree(validation).path("configs")) {
        if (field.path("value").path("name").asText().equals("neo4j.password")) {
          password = field.path("value");
        }
      }
      assertThat(password).as("neo4j.password in /validate").isNotNull();
      assertThat(password.path("value").asText()).isEqualTo("[hidden]");
      assertThat(password.path("errors")).as("errors on neo4j.password").isEmpty();
    }

    private void streamEndsExactInEveryStore(Path secrets) throws Exception {
      String topicName = "page-events";
      try (Admin admin =
          Admin.create(
              Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic(topicName, 3, (short) 1))).all().get();
      }
      PageEventTopic topic = new PageEventTopic(stack.bootstrapServers(), topicName);
      topic.produceRaw(List.of(POISON));
      for (Sink sink : Sink.values()) {
        sink.reset(ns);
        Map<String, String> config = sink.connectorConfig(topicName, ns);
        if (sink == Sink.NEO4J) {
          config.putAll(neo4jCredentials("${file:" + secrets + ":password}"));
        }
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", dlq(sink));
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        rest.put("/connectors/" + connector(sink) + "/config", config);
      }
      rest.put("/connectors/matrix-source/config", sourceConfig(topicName));

      List<ConsumerRecord<byte[], byte[]>> records =
          awaitValue(
              EVENTS + " events and the poison record in the topic",
              STORE_TIMEOUT,
              topic::readAll,
              r -> r.size() >= EVENTS + 1);
      GroundTruth truth = GroundTruth.of(records);
      assertThat(truth.events()).as("events written by the source").isEqualTo(EVENTS);
      assertThat(truth.poison()).as("poison records").isEqualTo(1);
      for (Sink sink : Sink.values()) {
        step = "stream into all five stores: " + sink;
        awaitValue(
            sink + " to equal the topic",
            STORE_TIMEOUT,
            () -> {
              assertNoTaskFailed(connector(sink));
              return sink.stored(ns);
            },
            truth.pages()::equals);
        List<ConsumerRecord<byte[], byte[]>> dead =
            awaitValue(
                sink + "'s dead letter queue to hold the poison record",
                STORE_TIMEOUT,
                () -> new PageEventTopic(stack.bootstrapServers(), dlq(sink)).readAll(),
                d -> !d.isEmpty());
        assertThat(dead).hasSize(1);
        assertThat(DeadLetters.value(dead.get(0))).isEqualTo(POISON);
      }
      step = "stream: nothing doubled, every task running, secret masked";
      assertThat(topic.readAll()).as("records in the topic at the end").hasSize(EVENTS + 1);
      for (Sink sink : Sink.values()) {
        assertRunning(connector(sink));
      }
      assertRunning("matrix-source");
      String shown = rest.get("/connectors/" + connector(Sink.NEO4J)).toString();
      assertThat(shown).contains("${file:").doesNotContain(secret);
    }

    private Map<String, String> sourceConfig(String topicName) {
      Map<String, String> config = BadConfigIT.baseConfig("SOURCE");
      config.put("topic", topicName);
      config.put("events.per.second", "0");
      config.put("max.events", Integer.toString(EVENTS));
      config.put("pages", "50");
      config.put("users", "200");
      config.put("seed", "17");
      config.put("exactly.once.support", "required");
      config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
      config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
      config.put("value.converter.schemas.enable", "false");
      return config;
    }

    /** A user and password for Neo4j (its server runs without auth, so any password works). */
    private static Map<String, String> neo4jCredentials(String password) {
      return Map.of("neo4j.username", "neo4j", "neo4j.password", password);
    }

    private void assertNoTaskFailed(String connector) throws Exception {
      for (JsonNode task : rest.get("/connectors/" + connector + "/status").path("tasks")) {
        assertThat(task.path("state").asText())
            .as(connector + " task: " + task.path("trace").asText())
            .isNotEqualTo("FAILED");
      }
    }

    private void assertRunning(String connector) throws Exception {
      JsonNode status = rest.get("/connectors/" + connector + "/status");
      assertThat(status.path("connector").path("state").asText())
          .as(connector + " state")
          .isEqualTo("RUNNING");
      assertThat(status.path("tasks")).as(connector + " tasks").isNotEmpty();
      status
          .path("tasks")
          .forEach(
              t ->
                  assertThat(t.path("state").asText())
                      .as(connector + " task " + t.path("trace").asText())
                      .isEqualTo("RUNNING"));
    }

    private static String connector(Sink sink) {
      return "matrix-" + sink.name().toLowerCase(Locale.ROOT);
    }

    private static String dlq(Sink sink) {
      return connector(sink) + "-dlq";
    }

    void close() {
      if (stack != null) {
        stack.close();
      }
    }
  }
}
