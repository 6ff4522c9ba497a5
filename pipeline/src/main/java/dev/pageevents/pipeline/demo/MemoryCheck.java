package dev.pageevents.pipeline.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Refuses a run the machine has not the memory for, before anything starts: compares {@code
 * MemAvailable} of {@code /proc/meminfo} with what the run needs.
 */
final class MemoryCheck {
  static final Path MEMINFO = Path.of("/proc/meminfo");

  private MemoryCheck() {}

  /**
   * Fails, saying what is needed and what is free, when less than {@code neededMib} is available;
   * returns the available MiB, or empty when the system does not say (no /proc/meminfo).
   */
  static OptionalLong require(long neededMib, Path meminfo, String what) {
    OptionalLong available = availableMib(meminfo);
    if (available.isPresent() && available.getAsLong() < neededMib) {
      throw new IllegalStateException(
          String.format(
              "%s needs about %,d MiB of free memory, but this machine has %,d MiB available"
                  + " (MemAvailable in %s): stop other programs or run ./demo without --cluster",
              what, neededMib, available.getAsLong(), meminfo));
    }
    return available;
  }

  /** MemAvailable in MiB, read line by line; empty when the file or the line is missing. */
  static OptionalLong availableMib(Path meminfo) {
    try (BufferedReader lines = Files.newBufferedReader(meminfo, StandardCharsets.US_ASCII)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("MemAvailable:")) {
          String[] fields = line.substring("MemAvailable:".length()).trim().split("\\s+");
          return OptionalLong.of(Long.parseLong(fields[0]) / 1024);
        }
      }
      return OptionalLong.empty();
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + meminfo, e);
    }
  }
}
