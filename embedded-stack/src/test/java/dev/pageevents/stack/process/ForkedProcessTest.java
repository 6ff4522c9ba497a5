package dev.pageevents.stack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForkedProcessTest {

  private static List<String> sleeper(Path dir) {
    return List.of("sh", "-c", "sleep 60", dir.toAbsolutePath().toString());
  }

  @Test
  void shouldKillTheLeftoverOfACrashedRunRecordedInThePidFileBeforeStarting() throws Exception {
    Path dir = Workspace.serverDir("leftover-test");
    Process leftover = new ProcessBuilder(sleeper(dir)).start();
    Process deadOwner = new ProcessBuilder("true").start();
    deadOwner.waitFor();
    Files.writeString(
        Workspace.pidDir().resolve("leftover-test.pid"),
        leftover.pid() + " " + deadOwner.pid() + " " + dir.toAbsolutePath());

    ForkedProcess fresh = ForkedProcess.start("leftover-test", dir, sleeper(dir));
    try {
      assertThat(leftover.isAlive()).isFalse();
      assertThat(fresh.alive()).isTrue();
    } finally {
      fresh.kill();
      leftover.destroyForcibly();
    }
    assertThat(LeftoverCheck.awaitNone(dir.toString(), Duration.ofSeconds(5))).isEmpty();
    assertThat(Workspace.pidDir().resolve("leftover-test.pid")).doesNotExist();
  }

  @Test
  void shouldPauseAndResumeWithSignals() throws Exception {
    Path dir = Workspace.serverDir("signal-test");
    ForkedProcess process = ForkedProcess.start("signal-test", dir, sleeper(dir));
    try {
      process.signal("STOP");
      Poll.until("process stopped", Duration.ofSeconds(5), null, () -> state(process) == 'T');
      process.signal("CONT");
      Poll.until("process running", Duration.ofSeconds(5), null, () -> state(process) == 'S');
    } finally {
      process.kill();
    }
    assertThat(process.alive()).isFalse();
  }

  /** The state letter from /proc/PID/stat (T = stopped, S = sleeping). */
  private static char state(ForkedProcess process) {
    try {
      String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2);
    } catch (java.io.IOException e) {
      return '?';
    }
  }
}
