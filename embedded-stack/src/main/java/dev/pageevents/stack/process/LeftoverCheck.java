package dev.pageevents.stack.process;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds server processes forked under a workspace directory that are still alive. Run as a build
 * step after the integration tests' JVM has exited: any such process is a leak and fails the build.
 */
public final class LeftoverCheck {
  private LeftoverCheck() {}

  /** Usage: {@code LeftoverCheck <workspace-dir>}; exits non-zero naming the leftovers. */
  public static void main(String[] args) {
    Path workspace = Path.of(args[0]).toAbsolutePath().normalize();
    List<ProcessHandle> leftovers = awaitNone(workspace.toString(), Duration.ofSeconds(15));
    if (!leftovers.isEmpty()) {
      throw new IllegalStateException(
          "Server processes forked by the tests are still running (leaked): "
              + leftovers.stream()
                  .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                  .collect(Collectors.joining("\n  ", "\n  ", "")));
    }
    System.out.println("No server process left behind under " + workspace);
  }

  /** Live processes other than this JVM whose command line mentions {@code marker}. */
  public static List<ProcessHandle> find(String marker) {
    long self = ProcessHandle.current().pid();
    return ProcessHandle.allProcesses()
        .filter(p -> p.pid() != self && commandMentions(p, marker))
        .collect(Collectors.toList());
  }

  /** Polls {@link #find} until it is empty or {@code timeout} passes; returns what remains. */
  public static List<ProcessHandle> awaitNone(String marker, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    List<ProcessHandle> found = find(marker);
    while (!found.isEmpty() && Instant.now().isBefore(deadline)) {
      Poll.pause();
      found = find(marker);
    }
    return found;
  }

  static boolean commandMentions(ProcessHandle process, String marker) {
    return process.isAlive()
        && process.info().commandLine().map(line -> line.contains(marker)).orElse(false);
  }
}
