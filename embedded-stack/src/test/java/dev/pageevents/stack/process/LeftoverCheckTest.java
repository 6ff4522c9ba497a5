package dev.pageevents.stack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoverCheckTest {

  @Test
  void shouldFindAProcessWhoseCommandMentionsTheWorkspaceUntilItIsKilled(@TempDir Path dir)
      throws Exception {
    String marker = dir.resolve("server-x").toString();
    Process process = new ProcessBuilder("sh", "-c", "sleep 60", marker).start();
    try {
      assertThat(LeftoverCheck.find(dir.toString()))
          .extracting(ProcessHandle::pid)
          .contains(process.pid());
    } finally {
      process.destroyForcibly().waitFor();
    }
    List<ProcessHandle> remaining = LeftoverCheck.awaitNone(dir.toString(), Duration.ofSeconds(5));
    assertThat(remaining).isEmpty();
  }
}
