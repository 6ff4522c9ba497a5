package dev.pageevents.benchmarks.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Starts and stops a flight recording (JFR) in the worker JVM around one run, through jcmd. */
final class WorkerProfiler {
  private final long pid;
  private final Path dir;

  WorkerProfiler(long pid, Path dir) {
    this.pid = pid;
    this.dir = dir;
  }

  void start(String name, boolean enabled) throws IOException, InterruptedException {
    if (enabled) {
      Files.createDirectories(dir);
      jcmd("JFR.start", "name=" + name, "settings=profile");
    }
  }

  void stop(String name, boolean enabled) throws IOException, InterruptedException {
    if (enabled) {
      Path file = dir.resolve(name + ".jfr").toAbsolutePath();
      jcmd("JFR.stop", "name=" + name, "filename=" + file);
      System.out.println("   flight recording: " + file);
    }
  }

  private void jcmd(String... command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    List<String> args = new java.util.ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
    args.addAll(List.of(command));
    Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("jcmd failed: " + output);
    }
  }
}
