package dev.pageevents.benchmarks.sink;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The scale run's tables: a verdict per sink, then every slice's rate and worker RSS side by side;
 * written into docs/benchmarks.md between the {@code scale-results} markers.
 */
final class ScaleReport {
  static final String START = "<!-- scale-results:start -->";
  static final String END = "<!-- scale-results:end -->";

  private ScaleReport() {}

  static String tables(List<ScaleResult> results) {
    StringBuilder out =
        new StringBuilder(
            "| sink | events | slice 1 events/s | slice 10 events/s | last ÷ first | last ÷ second"
                + " | worker RSS slice 1 → 10 | RSS trend over slices 2–10 (slope) | store"
                + " holds | verdict |\n|---|---|---|---|---|---|---|---|---|---|\n");
    for (ScaleResult result : results) {
      List<Slicer.Slice> slices = result.slices();
      Slicer.Slice first = slices.get(0);
      Slicer.Slice last = slices.get(slices.size() - 1);
      out.append(
          String.format(
              "| %s | %,d | %,.0f | %,.0f | %.2f | %.2f | %,d → %,d MB | %+.0f MB (%.1f MB per M events) | %,d | %s |%n",
              result.sink(),
              result.events(),
              first.rate(),
              last.rate(),
              result.lastOverFirst(),
              result.lastOverSecond(),
              first.rssMb(),
              last.rssMb(),
              result.rssTrendMb(),
              result.rssSlope(),
              result.stored(),
              result.verdict()));
    }
    out.append("\n| slice |");
    results.forEach(r -> out.append(" ").append(r.sink()).append(" events/s | RSS MB |"));
    out.append("\n|---|").append("---|---|".repeat(results.size())).append('\n');
    for (int slice = 0; slice < results.get(0).slices().size(); slice++) {
      out.append("| ").append(slice + 1).append(" |");
      for (ScaleResult result : results) {
        Slicer.Slice s = result.slices().get(slice);
        out.append(String.format(" %,.0f | %,d |", s.rate(), s.rssMb()));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** Writes the tables under a header whose command names every size that is not the default. */
  static void write(Path docs, String tables, double seconds, List<ScaleResult> results)
      throws IOException {
    StringBuilder sizes = new StringBuilder();
    for (ScaleResult result : results) {
      if (result.events() != ScaleBenchmark.defaultEvents(result.sink())) {
        sizes
            .append(" -Dbench.scale.events.")
            .append(result.sink())
            .append('=')
            .append(result.events());
      }
    }
    String header =
        Report.header(
            String.format("one task per sink, whole run %.0f s", seconds),
            "mvn -B -ntp -pl benchmarks -am package -DskipTests -Pbench -Dbench.source.skip=true"
                + " -Dbench.sinks.skip=true -Dbench.e2e.skip=true -Dbench.scale.skip=false"
                + sizes);
    Report.replaceSection(docs, START, END, header + tables);
  }
}
