package dev.pageevents.pipeline.faults;

import dev.pageevents.pipeline.demo.WorkerMetrics;
import dev.pageevents.stack.process.LeftoverCheck;
import dev.pageevents.stack.process.Workspace;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resident memory of every server process the stack forked (found by its directory under the
 * workspace in its command line) and of this test JVM (the MongoDB stand-in, the compare views).
 */
final class ClusterMemory {
  private ClusterMemory() {}

  /** One line per process (its server directory and RSS) and the total, in MiB. */
  static String report() {
    String root = Workspace.root().toString() + "/";
    Map<String, Long> kib = new TreeMap<>();
    for (ProcessHandle process : LeftoverCheck.find(root)) {
      String line = process.info().commandLine().orElse("");
      int from = line.indexOf(root) + root.length();
      int to = from;
      while (to < line.length() && line.charAt(to) != '/' && line.charAt(to) != ' ') {
        to++;
      }
      kib.merge(line.substring(from, to), WorkerMetrics.rssKib(process.pid()), Long::sum);
    }
    kib.put(
        "test JVM (MongoDB stand-in, compare)",
        WorkerMetrics.rssKib(ProcessHandle.current().pid()));
    StringBuilder report = new StringBuilder("RSS of the whole stack:\n");
    kib.forEach(
        (name, value) -> report.append(String.format("  %-40s %6d MiB%n", name, value / 1024)));
    long total = kib.values().stream().mapToLong(Long::longValue).sum();
    report.append(String.format("  %-40s %6d MiB (%d servers)", "total", total / 1024, kib.size()));
    return report.toString();
  }
}
