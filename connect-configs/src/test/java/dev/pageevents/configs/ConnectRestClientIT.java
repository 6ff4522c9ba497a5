package dev.pageevents.configs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.stack.KafkaConnectStack;
import dev.pageevents.stack.process.Poll;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The REST client's lifecycle calls against a real worker (the shipped source config from the
 * unpacked archive): create, stop, resume, delete and wait until it is gone.
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
  void shouldStopResumeAndDeleteAConnectorUntilTheWorkerNoLongerKnowsIt() throws Exception {
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
    Poll.until(
        name + " to be STOPPED", TIMEOUT, null, () -> "STOPPED".equals(rest.status(name).state()));
    rest.failIfFailed(name);

    rest.resume(name);
    rest.awaitRunning(List.of(name), TIMEOUT);

    rest.deleteAndAwait(name, TIMEOUT);
    assertThat(rest.connectors()).doesNotContain(name);
  }
}
