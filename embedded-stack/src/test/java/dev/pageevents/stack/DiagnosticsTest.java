package dev.pageevents.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticsTest {

  @Test
  void shouldApplyABareLevelToTheConnectRuntimeAndOurPlugins() {
    assertThat(Diagnostics.workerLogLevels("debug"))
        .containsExactly(
            Map.entry("org.apache.kafka.connect", "DEBUG"), Map.entry("dev.pageevents", "DEBUG"));
  }

  @Test
  void shouldApplyNamedLevelsToTheirLoggers() {
    assertThat(
            Diagnostics.workerLogLevels(
                "org.apache.kafka.connect.runtime.WorkerSinkTask=TRACE, root=INFO"))
        .containsExactly(
            Map.entry("org.apache.kafka.connect.runtime.WorkerSinkTask", "TRACE"),
            Map.entry("root", "INFO"));
  }

  @Test
  void shouldSetNothingWhenBlank() {
    assertThat(Diagnostics.workerLogLevels(" ")).isEmpty();
  }

  @Test
  void shouldRejectAnUnknownLevelNamingTheProperty() {
    assertThatThrownBy(() -> Diagnostics.workerLogLevels("dev.pageevents=LOUD"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stack.worker.log")
        .hasMessageContaining("LOUD");
  }

  @Test
  void shouldDeleteAClosedServersDirectoryUnlessKept(@TempDir Path root) throws Exception {
    Path deleted = Files.createDirectories(root.resolve("deleted"));
    Files.writeString(deleted.resolve("server.log"), "started");
    Path kept = Files.createDirectories(root.resolve("kept"));
    Files.writeString(kept.resolve("server.log"), "started");

    Diagnostics.discard("deleted", deleted, false);
    Diagnostics.discard("kept", kept, true);

    assertThat(deleted).doesNotExist();
    assertThat(kept.resolve("server.log")).hasContent("started");
  }
}
