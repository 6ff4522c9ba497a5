package dev.pageevents.pipeline.faults;

import dev.pageevents.pipeline.demo.WorkerMetrics;
import dev.pageevents.stack.process.LeftoverCheck;
import dev.pageevents.stack.process.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resident memory of every server process the stack forked (found by its directory under the
 * workspace: in its command line, and as its working directory) and of this test JVM (the MongoDB
 * stand-in, the compare views).
 */
final class ClusterMemory {
  private ClusterMemory() {}

  /**
   * One line per server (its directory under the workspace) with its RSS, and the total, in MiB.
   */
  static String report() {
    Path root = Workspace.root();
    Map<String, Long> kib = new TreeMap<>();
    for (ProcessHandle process : LeftoverCheck.find(root.toString())) {
      Path cwd = workingDirectory(process.pid());
      if (cwd.startsWith(root) && !cwd.equals(root)) {
        kib.merge(
            root.relativize(cwd).getName(0).toString(),
            WorkerMetrics.rssKib(process.pid()),
            Long::sum);
      }
    }
    kib.put(
        "test JVM (MongoDB stand-in, compare)",
        WorkerMetrics.rssKib(ProcessHandle.current().pid()));
    StringBuilder report = new StringBuilder("RSS of the whole stack:\n");
    kib.forEach(
        (name, value) -> report.append(String.format("  %-40s %6d MiB%n", name, value / 1024)));
    long total = kib.values().stream().mapToLong(Long::longValue).sum();
    report.append(
        String.format("  %-40s %6d MiB (%d processes)", "total", total / 1024, kib.size()));
    return report.toString();
  }

  /** Where the process runs; every server the stack forks runs in its own directory. */
  private static Path workingDirectory(long pid) {
    try {
      return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"));
    } catch (IOException e) {
      return Path.of("/");
    }
  }
}
