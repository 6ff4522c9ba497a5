package dev.pageevents.benchmarks.sink;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The pipelined-vs-inline table of {@link ProxiedComparison}: one row per sink and delay, both
 * modes' runs, the ratio of their means; written into docs/benchmarks.md between its own markers.
 */
final class ProxiedReport {
  static final String START = "<!-- proxy-results:start -->";
  static final String END = "<!-- proxy-results:end -->";

  private ProxiedReport() {}

  static String table(List<ProxiedComparison.Run> runs) {
    Map<String, List<ProxiedComparison.Run>> cells =
        runs.stream()
            .collect(
                Collectors.groupingBy(
                    run -> run.sink() + " " + run.delayMs(),
                    LinkedHashMap::new,
                    Collectors.toList()));
    StringBuilder out = new StringBuilder();
    out.append(
        "| sink | events | one-way delay | pipelined events/s (runs 1, 4) | inline events/s (runs 2, 3) |"
            + " pipelined ÷ inline | steady: pipelined ÷ inline | load (1 min) | note |\n");
    out.append("|---|---|---|---|---|---|---|---|---|\n");
    for (List<ProxiedComparison.Run> cell : cells.values()) {
      List<ProxiedComparison.Run> pipelined =
          cell.stream().filter(ProxiedComparison.Run::pipelined).toList();
      List<ProxiedComparison.Run> inline = cell.stream().filter(run -> !run.pipelined()).toList();
      out.append(
          String.format(
              "| %s | %,d | %d ms | %s | %s | **%.2f** | %.2f | %s | %s |%n",
              cell.get(0).sink(),
              cell.get(0).events(),
              cell.get(0).delayMs(),
              rates(pipelined),
              rates(inline),
              mean(pipelined, ProxiedComparison.Run::rate)
                  / mean(inline, ProxiedComparison.Run::rate),
              mean(pipelined, ProxiedComparison.Run::steadyRate)
                  / mean(inline, ProxiedComparison.Run::steadyRate),
              cell.stream()
                  .map(run -> String.format("%.1f", run.load()))
                  .collect(Collectors.joining(" → ")),
              cell.stream()
                  .map(ProxiedComparison.Run::note)
                  .filter(note -> !note.isEmpty())
                  .collect(Collectors.joining("; "))));
    }
    return out.toString();
  }

  static void write(Path docs, String table, int events, double seconds) throws IOException {
    String header =
        Report.header(
            String.format("bench.events %,d, whole run %.0f s", events, seconds),
            "mvn -B -ntp -pl benchmarks -am package -DskipTests -Pbench -Dbench.source.skip=true"
                + " -Dbench.e2e.skip=true -Dbench.events="
                + events
                + " -D"
                + ProxiedComparison.DELAYS_PROPERTY
                + "="
                + System.getProperty(ProxiedComparison.DELAYS_PROPERTY));
    Report.replaceSection(docs, START, END, header + table);
  }

  private static String rates(List<ProxiedComparison.Run> runs) {
    return runs.stream()
        .map(run -> String.format("%,.0f", run.rate()))
        .collect(Collectors.joining(", "));
  }

  private static double mean(
      List<ProxiedComparison.Run> runs,
      java.util.function.ToDoubleFunction<ProxiedComparison.Run> value) {
    return runs.stream().mapToDouble(value).average().orElse(Double.NaN);
  }
}
