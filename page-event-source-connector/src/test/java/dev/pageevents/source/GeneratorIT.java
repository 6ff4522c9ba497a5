package dev.pageevents.source;

import static dev.pageevents.source.ConnectTestCluster.config;
import static dev.pageevents.source.ConnectTestCluster.eventIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.source.emit.EventFormat;
import dev.pageevents.source.generator.GeneratorSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generator mode in a real Connect runtime: rate, determinism, max.events, keys and schemas,
 * validation through REST, and resume after a stop.
 */
class GeneratorIT {
  private static final String SEQUENCE = GeneratorSource.SEQUENCE_KEY;
  private static ConnectTestCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = ConnectTestCluster.start("generator-it", 1, Map.of());
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  /** A topic with one partition per task and a connector of the same name writing to it. */
  private static void start(String topic, int tasks, Map<String, String> settings) {
    cluster.connect().kafka().createTopic(topic, tasks);
    cluster.connect().configureConnector(topic, config(topic, tasks, settings));
  }

  @Test
  void shouldHoldTheTargetRateWithinTenPercentOverTenSecondsWithTwoTasks() throws Exception {
    String topic = "rate";
    start(topic, 2, Map.of("events.per.second", "1000"));
    List<Long> timestamps = new ArrayList<>();
    Map<String, Object> props = Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<byte[], byte[]> consumer =
        cluster.connect().kafka().createConsumerAndSubscribeTo(props, topic)) {
      long deadline = System.currentTimeMillis() + 60_000;
      while (timestamps.isEmpty()
          || timestamps.get(timestamps.size() - 1) < timestamps.get(0) + 12_000) {
        assertThat(System.currentTimeMillis())
            .as("12 s of events within 60 s")
            .isLessThan(deadline);
        consumer.poll(Duration.ofMillis(200)).forEach(r -> timestamps.add(r.timestamp()));
        timestamps.sort(Comparator.naturalOrder());
      }
    }
    cluster.connect().deleteConnector("rate");
    long from = timestamps.get(0) + 1_000;
    long inWindow = timestamps.stream().filter(t -> t >= from && t < from + 10_000).count();
    System.out.printf(
        "Generator rate: %d events in 10 s = %.1f events/s (target 1000)%n",
        inWindow, inWindow / 10.0);
    assertThat(inWindow).isBetween(9_000L, 11_000L);
  }

  @Test
  void shouldMakeIdenticalEventsInTwoRunsWithTheSameSeed() throws Exception {
    Map<String, String> settings =
        Map.of(
            "events.per.second", "0",
            "max.events", "3000",
            "seed", "2024",
            "start.time", "2024-05-01T00:00:00Z",
            "time.step.ms", "250");
    for (String run : List.of("same-seed-a", "same-seed-b")) {
      cluster.connect().kafka().createTopic(run, 1);
      cluster.connect().configureConnector(run, config(run, 2, settings));
    }
    for (String run : List.of("same-seed-a", "same-seed-b")) {
      cluster.awaitOffsetSum(run, SEQUENCE, 3000, 60_000);
    }
    List<Map<String, Object>> first = sortedValues("same-seed-a", 3000);
    List<Map<String, Object>> second = sortedValues("same-seed-b", 3000);
    assertThat(first).hasSize(3000);
    assertThat(second).isEqualTo(first);
    assertThat(first.get(0)).containsEntry("eventId", "gen-2024-0-0");
  }

  /**
   * The topic's values sorted by eventId, re-read until at least {@code expected} are visible: the
   * committed source offsets can be seen (once in CI) before a fresh consumer sees the records.
   */
  private List<Map<String, Object>> sortedValues(String topic, int expected)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    List<Map<String, Object>> values = readSorted(topic);
    while (values.size() < expected && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
      values = readSorted(topic);
    }
    return values;
  }

  private List<Map<String, Object>> readSorted(String topic) {
    return cluster.readAll(topic, false).stream()
        .map(ConnectTestCluster::value)
        .sorted(Comparator.comparing(v -> (String) v.get("eventId")))
        .toList();
  }

  @Test
  void shouldWriteExactlyMaxEventsAcrossThreeTasks() throws Exception {
    String topic = "max-events";
    start(topic, 3, Map.of("events.per.second", "0", "max.events", "10000"));
    cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning(topic, 3, "3 tasks");
    cluster.awaitOffsetSum(topic, SEQUENCE, 10_000, 60_000);
    List<ConsumerRecord<byte[], byte[]>> records = cluster.readAll(topic, false);
    List<String> ids = eventIds(records);
    assertThat(ids).hasSize(10_000);
    assertThat(records)
        .allSatisfy(
            r ->
                assertThat(new String(r.key(), StandardCharsets.UTF_8))
                    .isEqualTo(ConnectTestCluster.value(r).get("page")));
    assertThat(new HashSet<>(ids)).hasSize(10_000);
    assertThat(cluster.offsets(topic)).hasSize(3);
  }

  @Test
  void shouldWriteTheConnectSchemaWhenTheConverterEmbedsSchemas() throws Exception {
    String topic = "with-schemas";
    cluster.connect().kafka().createTopic(topic, 1);
    Map<String, String> config =
        config(topic, 1, Map.of("events.per.second", "0", "max.events", "5", "key.field", "none"));
    config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put("value.converter.schemas.enable", "true");
    cluster.connect().configureConnector(topic, config);
    cluster.awaitOffsetSum(topic, SEQUENCE, 5, 30_000);
    List<ConsumerRecord<byte[], byte[]>> records = cluster.readAll(topic, false);
    assertThat(records).hasSize(5).allSatisfy(r -> assertThat(r.key()).isNull());
    Map<String, Object> envelope = ConnectTestCluster.value(records.get(0));
    assertThat(((Map<?, ?>) envelope.get("schema")).get("name"))
        .isEqualTo("dev.pageevents.PageEvent");
    Map<?, ?> payload = (Map<?, ?>) envelope.get("payload");
    assertThat(((Number) payload.get("timestamp")).longValue())
        .isEqualTo(records.get(0).timestamp());
  }

  @Test
  void shouldWriteTheCourseFormatWithIsoDatesWhenAsked() throws Exception {
    String topic = "course-format";
    start(
        topic,
        1,
        Map.of(
            "event.format", "course",
            "events.per.second", "0",
            "max.events", "20",
            "start.time", "2026-12-04T10:15:30Z",
            "time.step.ms", "250"));
    cluster.awaitOffsetSum(topic, SEQUENCE, 20, 30_000);

    List<ConsumerRecord<byte[], byte[]>> records = cluster.readAll(topic, false);
    assertThat(records).hasSize(20);
    Pattern course =
        Pattern.compile(
            "\\{\"name\":\"([^\"]+)\",\"user\":\"[^\"]+\",\"date\":\"([^\"]+)\","
                + "\"duration\":\\d+}");
    for (ConsumerRecord<byte[], byte[]> record : records) {
      String value = new String(record.value(), StandardCharsets.UTF_8);
      Matcher matcher = course.matcher(value);
      assertThat(matcher.matches()).as(value).isTrue();
      assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(matcher.group(1));
      assertThat(matcher.group(2))
          .isEqualTo(EventFormat.ISO_MILLIS.format(Instant.ofEpochMilli(record.timestamp())));
    }
    assertThat(ConnectTestCluster.value(records.get(0)))
        .containsEntry("date", "2026-12-04T10:15:30.000Z");
    assertThat(ConnectTestCluster.value(records.get(3)))
        .containsEntry("date", "2026-12-04T10:15:30.750Z");
  }

  @Test
  void shouldReportEveryBadSettingOnItsFieldThroughTheRestApi() {
    Map<String, String> config =
        config(
            "unused",
            1,
            Map.of(
                "events.per.second", "-1",
                "zipf.exponent", "0",
                "max.events", "-3",
                "page.popularity", "normal"));
    config.put("name", "invalid");
    ConfigInfos infos =
        cluster
            .connect()
            .validateConnectorConfig(PageEventSourceConnector.class.getSimpleName(), config);
    Map<String, List<String>> errors = new HashMap<>();
    infos.configs().stream()
        .filter(c -> !c.configValue().errors().isEmpty())
        .forEach(c -> errors.put(c.configValue().name(), c.configValue().errors()));
    assertThat(errors)
        .containsOnlyKeys("events.per.second", "zipf.exponent", "max.events", "page.popularity");
    assertThat(infos.errorCount()).isEqualTo(4);
    assertThat(errors.get("zipf.exponent").get(0))
        .contains("greater than 0")
        .doesNotContain("Exception");
  }

  @Test
  void shouldResumeAfterAStopWithNoGapAndNoDuplicate() throws Exception {
    String topic = "resume";
    start(topic, 2, Map.of("events.per.second", "1000", "max.events", "6000", "key.field", "user"));
    TestUtils.waitForCondition(
        () -> cluster.readAll(topic, false).size() >= 1_500, 30_000, "first events");
    cluster.connect().stopConnector(topic);
    cluster.connect().assertions().assertConnectorIsStopped(topic, "stopped");
    int beforeRestart = cluster.readAll(topic, false).size();
    cluster.connect().resumeConnector(topic);
    cluster.awaitOffsetSum(topic, SEQUENCE, 6_000, 60_000);

    List<ConsumerRecord<byte[], byte[]>> records = cluster.readAll(topic, false);
    System.out.printf(
        "Resume: %d events before the stop, %d in total%n", beforeRestart, records.size());
    assertThat(beforeRestart).isBetween(1_500, 5_999);
    List<String> expected = new ArrayList<>();
    for (int task = 0; task < 2; task++) {
      for (int seq = 0; seq < 3_000; seq++) {
        expected.add("gen-42-" + task + "-" + seq);
      }
    }
    assertThat(eventIds(records)).containsExactlyInAnyOrderElementsOf(expected);
  }
}
