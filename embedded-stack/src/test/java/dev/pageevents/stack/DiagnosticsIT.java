package dev.pageevents.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.stack.process.Workspace;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The diagnosis switches on real servers: a kept Redis directory, a worker's raised log level.
 * Isolated: the switches are JVM-wide system properties, which must not reach concurrent classes.
 */
@Isolated
class DiagnosticsIT {

  @Test
  void shouldKeepAClosedServersDirectoryAndLogWithStackKeep() {
    Path dir;
    System.setProperty(Diagnostics.KEEP_PROPERTY, "true");
    try (RedisServer redis = RedisServer.create("redis-kept")) {
      redis.start();
      dir = Workspace.serverDir("redis-kept");
    } finally {
      System.clearProperty(Diagnostics.KEEP_PROPERTY);
    }
    assertThat(dir.resolve("server.log")).isNotEmptyFile();
    Workspace.deleteTree(dir);
  }

  @Test
  void shouldRaiseTheForkedWorkersLogLevelWithStackWorkerLog() throws Exception {
    System.setProperty(Diagnostics.WORKER_LOG_PROPERTY, "dev.pageevents.stack=TRACE");
    try (KafkaConnectProcesses stack = KafkaConnectProcesses.builder().restPort(0).build()) {
      stack.start();
      HttpResponse<String> logger =
          KafkaRoundTrip.get(stack.connectUrl(), "/admin/loggers/dev.pageevents.stack");
      assertThat(logger.body()).contains("\"level\":\"TRACE\"");
    } finally {
      System.clearProperty(Diagnostics.WORKER_LOG_PROPERTY);
    }
  }

  @Test
  void shouldRaiseTheEmbeddedWorkersLogLevel() throws Exception {
    System.setProperty(Diagnostics.WORKER_LOG_PROPERTY, "dev.pageevents.stack=DEBUG");
    try (KafkaConnectStack stack = KafkaConnectStack.builder().build().start()) {
      HttpResponse<String> logger =
          KafkaRoundTrip.get(stack.connectUrl(), "/admin/loggers/dev.pageevents.stack");
      assertThat(logger.body()).contains("\"level\":\"DEBUG\"");
    } finally {
      System.clearProperty(Diagnostics.WORKER_LOG_PROPERTY);
    }
  }
}
