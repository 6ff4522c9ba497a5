package dev.pageevents.configs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pageevents.stack.KafkaConnectStack;
import dev.pageevents.stack.process.Ports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RegisterConnectors command against a real Connect worker (connectors from the unpacked
 * archives): it waits until the source and a sink run, and exits 1 with the failed task's trace
 * when a store cannot be reached.
 */
class RegisterConnectorsIT {
  private static final Path CONNECTORS = ModuleFiles.dir().resolve("connectors");
  private static KafkaConnectStack stack;

  @BeforeAll
  static void startWorker() throws Exception {
    stack = WorkerFile.stack();
    stack.cluster().kafka().createTopic("page-events", 3);
  }

  @AfterAll
  static void stopWorker() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void shouldRegisterTheSourceAndTheRedisSinkAndReturnOnceEveryTaskRuns() {
    String[] args = {
      "--connect",
      stack.connectUrl(),
      "--dir",
      CONNECTORS.toString(),
      "--only",
      "page-event-source,redis-cache-sink",
      "--set",
      "redis-cache-sink.redis.hosts=" + EmbeddedHosts.redisHostPort(),
      "--timeout",
      "120s"
    };

    Result first = run(args);
    Result again = run(args);

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(first.out())
        .contains("created page-event-source", "created redis-cache-sink")
        .contains("RUNNING page-event-source (1 tasks)", "RUNNING redis-cache-sink (2 tasks)");
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(again.out()).contains("updated page-event-source", "updated redis-cache-sink");
    ConnectRestClient rest = new ConnectRestClient(stack.connectUrl());
    assertThat(rest.connectors()).contains("page-event-source", "redis-cache-sink");
    assertThat(rest.status("redis-cache-sink").running()).isTrue();
  }

  @Test
  void shouldExitOneWithTheFailedTasksTraceWhenATaskCannotStart(@TempDir Path dir)
      throws Exception {
    copyRedisConfig(dir, "redis-groups-8");
    copyRedisConfig(dir, "redis-groups-16");
    String redis = EmbeddedHosts.redisHostPort();

    Result first =
        run(
            "--connect", stack.connectUrl(),
            "--dir", dir.toString(),
            "--only", "redis-groups-8",
            "--set", "redis-groups-8.redis.hosts=" + redis,
            "--set", "redis-groups-8.redis.key.prefix=conflict",
            "--set", "redis-groups-8.redis.hash.groups=8",
            "--timeout", "120s");
    // Same key prefix, another group count: the sink refuses to start rather than move pages.
    Result second =
        run(
            "--connect", stack.connectUrl(),
            "--dir", dir.toString(),
            "--only", "redis-groups-16",
            "--set", "redis-groups-16.redis.hosts=" + redis,
            "--set", "redis-groups-16.redis.key.prefix=conflict",
            "--set", "redis-groups-16.redis.hash.groups=16",
            "--timeout", "120s");

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(second.code()).as(second.toString()).isEqualTo(1);
    assertThat(second.err())
        .contains("Connectors failed:\nredis-groups-16")
        .containsPattern("task \\d FAILED")
        .contains("were written with redis.hash.groups=8")
        .contains("\tat ");
  }

  @Test
  void shouldExitOneWithTheWorkersReasonWhenItRejectsAConfigWhoseStoreIsUnreachable(
      @TempDir Path dir) throws Exception {
    copyRedisConfig(dir, "unreachable-redis");
    int closedPort = Ports.free();

    Result result =
        run(
            "--connect",
            stack.connectUrl(),
            "--dir",
            dir.toString(),
            "--set",
            "unreachable-redis.redis.hosts=127.0.0.1:" + closedPort,
            "--set",
            "unreachable-redis.redis.timeout.ms=500",
            "--timeout",
            "120s");

    assertThat(result.code()).as(result.toString()).isEqualTo(1);
    assertThat(result.err())
        .contains("/connectors/unreachable-redis/config answered 400")
        .contains("Failed to connect to 127.0.0.1:" + closedPort);
    assertThat(new ConnectRestClient(stack.connectUrl()).connectors())
        .doesNotContain("unreachable-redis");
  }

  /** The shipped Redis sink config under another name, in {@code dir}. */
  private static void copyRedisConfig(Path dir, String name) throws Exception {
    Map<String, String> config =
        new LinkedHashMap<>(ConnectorConfigs.load(CONNECTORS).get("redis-cache-sink"));
    config.put("name", name);
    config.put("tasks.max", "1");
    config.put("errors.deadletterqueue.topic.name", "dlq-" + name);
    Files.writeString(dir.resolve(name + ".json"), new ObjectMapper().writeValueAsString(config));
  }

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        RegisterConnectors.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private record Result(int code, String out, String err) {}
}
