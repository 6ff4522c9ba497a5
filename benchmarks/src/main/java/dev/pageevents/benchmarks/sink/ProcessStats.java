package dev.pageevents.benchmarks.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a process's resident memory and the machine's load average from /proc. */
public final class ProcessStats {
  private ProcessStats() {}

  /** Resident set size of a process in MB, or -1 when it is gone. */
  public static long rssMb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
    return -1;
  }

  /** The 1-minute load average. */
  public static double load1() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
