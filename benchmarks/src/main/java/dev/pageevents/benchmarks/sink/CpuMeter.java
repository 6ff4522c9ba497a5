package dev.pageevents.benchmarks.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU used during one run, from /proc: how busy the whole machine was (in % of one core, so 200% is
 * both cores of a 2-core machine) and the CPU seconds of one process (the worker, or for a native
 * run the benchmark JVM). Tells a run that is CPU-bound from one that waits.
 */
final class CpuMeter {
  /** Clock ticks per second of /proc's counters (USER_HZ, 100 on Linux). */
  private static final double TICKS_PER_SECOND = 100.0;

  /** Machine busy % of one core over the run, and the process's CPU seconds. */
  record Usage(double machineBusyPercent, double processCpuSeconds) {}

  private final long pid;
  private final long[] machineStart;
  private final long processStart;
  private final long startNanos;

  private CpuMeter(long pid) {
    this.pid = pid;
    this.machineStart = machineTicks();
    this.processStart = processTicks(pid);
    this.startNanos = System.nanoTime();
  }

  static CpuMeter start(long pid) {
    return new CpuMeter(pid);
  }

  Usage stop() {
    long[] machineEnd = machineTicks();
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    double busySeconds = (machineEnd[0] - machineStart[0]) / TICKS_PER_SECOND;
    return new Usage(
        100.0 * busySeconds / seconds, (processTicks(pid) - processStart) / TICKS_PER_SECOND);
  }

  /** Busy ticks summed over all cores (/proc/stat "cpu" line minus idle and iowait). */
  private static long[] machineTicks() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < fields.length && i <= 8; i++) {
        total += Long.parseLong(fields[i]);
      }
      long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
      return new long[] {total - idle};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** utime + stime of a process, or 0 when it is gone. */
  private static long processTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // After "pid (comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12.
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }
}
