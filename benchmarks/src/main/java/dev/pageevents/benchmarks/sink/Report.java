package dev.pageevents.benchmarks.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The results table (ratios against the native client of the same sink in the same run, and against
 * mongo-kafka) and its place in docs/benchmarks.md: between two markers, so the text around it
 * (analysis, profiling notes) survives a new run.
 */
public final class Report {
  static final String START = "<!-- sink-results:start -->";
  static final String END = "<!-- sink-results:end -->";

  private Report() {}

  static String table(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append(
        "| sink | writer | tasks | events | seconds | events/s | vs native | vs app | vs mongo-kafka |"
            + " steady events/s | machine CPU busy | writer CPU s / 100k events | worker peak RSS |"
            + " load (1 min) | note |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Row row : rows) {
      Optional<Row> nativeRow =
          rows.stream().filter(r -> r.sink().equals(row.sink()) && r.isNative()).findFirst();
      Optional<Row> appRow =
          rows.stream().filter(r -> r.sink().equals(row.sink()) && r.isApp()).findFirst();
      Optional<Row> anchor =
          rows.stream()
              .filter(
                  r ->
                      r.sink().equals(row.sink())
                          && r.tasks() == row.tasks()
                          && r.writer().startsWith("mongo-kafka"))
              .findFirst();
      out.append(
          String.format(
              "| %s | %s | %s | %,d | %.1f | %,.0f | %s | %s | %s | %,.0f | %.0f%% | %.1f | %s | %.1f |"
                  + " %s |%n",
              row.sink(),
              row.writer(),
              row.isBaseline() ? "1 thread" : Integer.toString(row.tasks()),
              row.events(),
              row.seconds(),
              row.rate(),
              row.isNative() || nativeRow.isEmpty()
                  ? "-"
                  : String.format("%.2f", row.rate() / nativeRow.get().rate()),
              row.isBaseline() || appRow.isEmpty()
                  ? "-"
                  : String.format("%.2f", row.rate() / appRow.get().rate()),
              row.writer().startsWith("ours") && anchor.isPresent()
                  ? String.format("%.2f", row.rate() / anchor.get().rate())
                  : "-",
              row.steadyRate(),
              row.cpu().machineBusyPercent(),
              row.cpuPer100k(),
              row.peakRssMb() < 0 ? "-" : row.peakRssMb() + " MB",
              row.load(),
              row.note()));
    }
    return out.toString();
  }

  static void write(Path docs, String table, int events, double seconds) throws IOException {
    String header =
        header(
            String.format("%,d events, whole run %.0f s", events, seconds),
            "mvn -B -ntp -pl benchmarks -am package -DskipTests -Pbench -Dbench.events=" + events);
    replaceSection(docs, START, END, header + table);
  }

  /**
   * "Run (date), (details), machine: ..., load average at the end ..." and the command (the {@code
   * bench.command} property, else {@code command}), ahead of a results table.
   */
  public static String header(String details, String command) throws IOException {
    return "Run "
        + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
        + String.format(
            ", %s, machine: %s, load average at the end %s.%n%n", details, machine(), loadAverage())
        + "Command: `"
        + System.getProperty("bench.command", command)
        + "`\n\n";
  }

  /** Cores, memory and JDK of this machine, e.g. "2 cores, 23 GiB, JDK 17.0.15". */
  public static String machine() throws IOException {
    return String.format(
        "%d cores, %s, JDK %s",
        Runtime.getRuntime().availableProcessors(),
        memory(),
        System.getProperty("java.vm.version"));
  }

  /** The whole of /proc/loadavg (1, 5 and 15 minutes, run queue, last pid). */
  public static String loadAverage() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).trim();
  }

  /**
   * Puts {@code section} between the markers {@code start} and {@code end} of the docs file
   * (replacing what was there, keeping the rest), or appends the markers with it.
   */
  public static void replaceSection(Path docs, String start, String end, String section)
      throws IOException {
    String marked = start + "\n" + section + end;
    String text = Files.exists(docs) ? Files.readString(docs) : "# Benchmarks\n";
    int from = text.indexOf(start);
    int to = text.indexOf(end);
    String updated =
        from >= 0 && to > from
            ? text.substring(0, from) + marked + text.substring(to + end.length())
            : text + "\n" + marked + "\n";
    Files.createDirectories(docs.toAbsolutePath().getParent());
    Files.writeString(docs, updated);
    System.out.println("Wrote " + docs.toAbsolutePath());
  }

  private static String memory() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024 + " GiB";
      }
    }
    return "? GiB";
  }
}
