package dev.pageevents.configs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.stack.KafkaConnectStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The REST client's lifecycle calls against a real worker (the shipped source config from the
 * unpacked archive): create, stop, reset its offsets, patch its config, resume, delete and wait
 * until it is gone.
 */
class ConnectRestClientIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static KafkaConnectStack stack;

  @BeforeAll
  static void startWorker() throws Exception {
    stack = WorkerFile.stack();
  }

  @AfterAll
  static void stopWorker() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void shouldStopResetPatchResumeAndDeleteAConnectorUntilTheWorkerNoLongerKnowsIt()
      throws Exception {
    ConnectRestClient rest = new ConnectRestClient(stack.connectUrl());
    String name = "page-event-source"; // the shipped config names itself
    Map<String, String> config =
        ConnectorConfigs.withOverrides(
                ConnectorConfigs.load(ModuleFiles.dir().resolve("connectors")),
                List.of("page-event-source.topic=rest-client", "page-event-source.max.events=10"))
            .get("page-event-source");

    assertThat(rest.put(name, config)).as("created").isTrue();
    rest.awaitRunning(List.of(name), TIMEOUT);

    rest.stop(name);
    rest.awaitStopped(name, TIMEOUT);
    rest.failIfFailed(name);
    assertThat(rest.resetOffsets(name)).contains("have been reset successfully");
    rest.patchConfig(name, Map.of("max.events", "20"));
    rest.awaitStopped(name, TIMEOUT); // a patched connector stays STOPPED

    rest.resume(name);
    rest.awaitRunning(List.of(name), TIMEOUT);

    rest.deleteAndAwait(name, TIMEOUT);
    assertThat(rest.connectors()).doesNotContain(name);
  }
}
