package dev.pageevents.source;

import static dev.pageevents.source.ConnectTestCluster.config;
import static dev.pageevents.source.ConnectTestCluster.eventIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.source.ingest.file.FileIngestSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File ingest in a real Connect runtime: new files, appends, bad lines and a restart. */
class FileIngestIT {
  private static ConnectTestCluster cluster;

  @TempDir Path dir;
  private final List<String> written = new ArrayList<>();

  @BeforeAll
  static void startCluster() {
    cluster = ConnectTestCluster.start("file-ingest-it", 1, Map.of());
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  private void appendEvents(String file, int count) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String id = file + "-" + written.size();
      written.add(id);
      lines
          .append("{\"eventId\":\"")
          .append(id)
          .append("\",\"page\":\"/p")
          .append(i % 7)
          .append("\",\"user\":\"u")
          .append(i % 5)
          .append("\",\"timestamp\":1714564800000,\"durationMs\":")
          .append(i)
          .append("}\n");
    }
    append(file, lines.toString());
  }

  private void append(String file, String text) throws Exception {
    Files.writeString(
        dir.resolve(file),
        text,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private long size(String file) throws Exception {
    return Files.size(dir.resolve(file));
  }

  /** Waits until Connect committed each file's offset at the file's end. */
  private void awaitFilesRead(String connector, String... files) throws Exception {
    long total = 0;
    for (String file : files) {
      total += size(file);
    }
    cluster.awaitOffsetSum(connector, FileIngestSource.POSITION_KEY, total, 60_000);
  }

  @Test
  void shouldWriteEveryLineInTheCourseFormatWhenAsked() throws Exception {
    cluster.connect().kafka().createTopic("course-events", 1);
    appendEvents("course.ndjson", 2);
    append(
        "course.ndjson",
        "{\"name\":\"/cart\",\"user\":\"u9\",\"date\":\"2024-05-01T12:00:00.25Z\","
            + "\"duration\":7}\n");
    cluster
        .connect()
        .configureConnector(
            "course",
            config(
                "course-events",
                1,
                Map.of(
                    "mode", "file", "file.directory", dir.toString(), "event.format", "course")));
    awaitFilesRead("course", "course.ndjson");

    assertThat(ConnectTestCluster.texts(cluster.readAll("course-events", false)))
        .containsExactly(
            "{\"name\":\"/p0\",\"user\":\"u0\",\"date\":\"2024-05-01T12:00:00.000Z\","
                + "\"duration\":0}",
            "{\"name\":\"/p1\",\"user\":\"u1\",\"date\":\"2024-05-01T12:00:00.000Z\","
                + "\"duration\":1}",
            "{\"name\":\"/cart\",\"user\":\"u9\",\"date\":\"2024-05-01T12:00:00.250Z\","
                + "\"duration\":7}");
    cluster.connect().deleteConnector("course");
  }

  @Test
  void shouldFailTheTaskNamingTheFileAndLineOfABadLineByDefault() throws Exception {
    cluster.connect().kafka().createTopic("strict-events", 1);
    appendEvents("strict.ndjson", 3);
    append("strict.ndjson", "{\"eventId\":\"x\",\"page\":\"/p\",\"user\":\"u\"}\n");
    cluster
        .connect()
        .configureConnector(
            "strict",
            config("strict-events", 1, Map.of("mode", "file", "file.directory", dir.toString())));
    cluster
        .connect()
        .assertions()
        .assertConnectorIsRunningAndTasksHaveFailed("strict", 1, "failed");
    String trace = cluster.connect().connectorStatus("strict").tasks().get(0).trace();
    assertThat(trace).contains("file strict.ndjson line 4").contains("'timestamp' is missing");
    cluster.connect().deleteConnector("strict");
  }

  @Test
  void shouldTailNewFilesAndAppendsAndResumeAfterARestartWithoutLossOrDuplicates()
      throws Exception {
    String topic = "file-events";
    String badTopic = "file-bad-lines";
    cluster.connect().kafka().createTopic(topic, 2);
    cluster.connect().kafka().createTopic(badTopic, 1);
    appendEvents("a.ndjson", 100);
    append("ignored.txt", "not an event\n");
    Map<String, String> config =
        config(
            topic,
            2,
            Map.of(
                "mode", "file",
                "file.directory", dir.toString(),
                "file.bad.lines.topic", badTopic,
                "errors.tolerance", "all",
                "key.field", "user"));
    cluster.connect().configureConnector("files", config);
    awaitFilesRead("files", "a.ndjson");

    // While running: appends, a line written in two parts, a new file with a bad line.
    appendEvents("a.ndjson", 50);
    append("a.ndjson", "{\"eventId\":\"a-split\",\"page\":\"/s\",");
    appendEvents("b.ndjson", 30);
    append("b.ndjson", "{\"eventId\":\"b-bad\",\"user\":\"u\",\"timestamp\":0,\"durationMs\":1}\n");
    appendEvents("b.ndjson", 5);
    TestUtils.waitForCondition(
        () -> cluster.readAll(topic, false).size() >= 185, 30_000, "appended lines read");
    append("a.ndjson", "\"user\":\"u\",\"timestamp\":0,\"durationMs\":1}\n");
    written.add("a-split");
    awaitFilesRead("files", "a.ndjson", "b.ndjson");

    // Stopped: more lines arrive; after the restart exactly those follow.
    cluster.connect().stopConnector("files");
    cluster.connect().assertions().assertConnectorIsStopped("files", "stopped");
    appendEvents("a.ndjson", 20);
    appendEvents("b.ndjson", 10);
    appendEvents("c.ndjson", 15);
    cluster.connect().resumeConnector("files");
    awaitFilesRead("files", "a.ndjson", "b.ndjson", "c.ndjson");

    List<String> ids = eventIds(cluster.readAll(topic, false));
    assertThat(ids).containsExactlyInAnyOrderElementsOf(written);
    List<ConsumerRecord<byte[], byte[]>> bad = cluster.readAll(badTopic, false);
    assertThat(bad).hasSize(1);
    assertThat(new String(bad.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("b.ndjson:31");
    assertThat(
            new String(
                bad.get(0).headers().lastHeader(FileIngestSource.ERROR_HEADER).value(),
                StandardCharsets.UTF_8))
        .contains("file b.ndjson line 31")
        .contains("'page' is missing");
  }
}
