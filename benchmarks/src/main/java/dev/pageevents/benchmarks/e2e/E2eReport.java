package dev.pageevents.benchmarks.e2e;

import dev.pageevents.benchmarks.e2e.LagMonitor.Drain;
import dev.pageevents.benchmarks.e2e.ProbeResult.SinkLag;
import dev.pageevents.benchmarks.sink.Neo4jTarget;
import dev.pageevents.benchmarks.sink.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Progress lines while the end-to-end benchmark runs, and its result (summary, one row per window,
 * one row per sink, one row per part's rate alone) printed and written into docs/benchmarks.md
 * between the e2e markers.
 */
final class E2eReport {
  static final String START = "<!-- e2e-results:start -->";
  static final String END = "<!-- e2e-results:end -->";

  /** The source's name among the parts measured alone. */
  static final String SOURCE = "source";

  private E2eReport() {}

  static void printWindow(ProbeResult window) {
    StringBuilder lags = new StringBuilder();
    window
        .sinks()
        .forEach((sink, lag) -> lags.append(' ').append(sink).append('=').append(lag(lag)));
    System.out.printf(
        "%-5s %,7.0f/s: produced %,7.0f/s over %.0f s -> %s; lag end (at 10 s):%s; rss %d MB;"
            + " load %.1f%n",
        window.phase(),
        window.target(),
        window.producedRate(),
        window.seconds(),
        verdict(window),
        lags,
        window.peakRssMb(),
        window.load());
  }

  static void printDrains(Map<String, Drain> drains) {
    drains.forEach(
        (sink, drain) ->
            System.out.printf(
                "      drained %s: %,d behind, %,.0f events/s%s%n",
                sink, drain.backlog(), drain.rate(), drain.complete() ? "" : " (timed out)"));
  }

  static void printAlone(String part, AloneRate alone) {
    System.out.printf(
        "alone %s: %,d events in %.1f s, %,.0f events/s%s%n",
        part,
        alone.events(),
        alone.seconds(),
        alone.rate(),
        alone.complete() ? "" : " (timed out)");
  }

  static String text(E2eResult result, List<String> sinks) {
    StringBuilder out = new StringBuilder(summary(result)).append("\n\n");
    out.append("| phase | target events/s | produced events/s | seconds | result |");
    sinks.forEach(sink -> out.append(' ').append(sink).append(" lag end (at 10 s) |"));
    out.append(" worker peak RSS | load (1 min) |\n|---|---|---|---|---|");
    sinks.forEach(sink -> out.append("---|"));
    out.append("---|---|\n");
    for (ProbeResult window : result.allWindows()) {
      out.append(
          String.format(
              "| %s | %,.0f | %,.0f | %.0f | %s |",
              window.phase(),
              window.target(),
              window.producedRate(),
              window.seconds(),
              verdict(window)));
      sinks.forEach(sink -> out.append(' ').append(lag(window.sinks().get(sink))).append(" |"));
      out.append(String.format(" %d MB | %.1f |%n", window.peakRssMb(), window.load()));
    }
    out.append("\n| sink | events/s during the hold | max lag during the hold |")
        .append(
            " burst backlog | drain events/s (all at once) | store holds (records in topic) |\n")
        .append("|---|---|---|---|---|---|\n");
    for (String sink : sinks) {
      SinkLag held = result.hold().map(h -> h.sinks().get(sink)).orElse(null);
      Drain drain = result.drains().get(sink);
      out.append(
          String.format(
              "| %s | %s | %s | %s | %s | %s |%n",
              sink,
              held == null ? "-" : String.format("%,.0f", held.consumedRate()),
              held == null ? "-" : String.format("%,d", held.max()),
              drain == null ? "-" : String.format("%,d", drain.backlog()),
              drain == null
                  ? "-"
                  : String.format("%,.0f%s", drain.rate(), drain.complete() ? "" : " (timed out)"),
              result.storeChecks().getOrDefault(sink, "-")));
    }
    out.append(aloneTable(result));
    return out.toString();
  }

  private static String aloneTable(E2eResult result) {
    StringBuilder out =
        new StringBuilder("\n| part | events/s alone | events | seconds | share of 1/r sum |\n")
            .append("|---|---|---|---|---|\n");
    result
        .alone()
        .forEach(
            (part, alone) ->
                out.append(
                    String.format(
                        "| %s | %,.0f%s | %,d | %.1f | %s |%n",
                        part,
                        alone.rate(),
                        alone.complete() ? "" : " (timed out)",
                        alone.events(),
                        alone.seconds(),
                        result.bound().isPresent()
                            ? String.format(
                                "%.2f",
                                SharingBound.share(result.bound().getAsDouble(), alone.rate()))
                            : "-")));
    return out.toString();
  }

  private static String summary(E2eResult result) {
    String limited = result.limitedBy().orElse("nothing found (no window failed)");
    String sustained =
        result
            .sustained()
            .map(rate -> String.format("**%,.0f events/s** (held, every sink's lag bounded)", rate))
            .orElseGet(
                () ->
                    result
                        .hold()
                        .map(
                            h ->
                                String.format(
                                    "**none confirmed**: the hold at %,.0f events/s did not keep"
                                        + " up",
                                    h.target()))
                        .orElse("**none**: no probed rate kept up"));
    String bound =
        result.bound().isPresent()
            ? String.format("%,.0f events/s", result.bound().getAsDouble())
            : "- (a part's rate alone is missing)";
    return String.format(
        "Highest sustained rate: %s. Bound 1/Σ(1/rᵢ): **%s** (perfect sharing of the machine: an"
            + " event costs Σ 1/rᵢ seconds, rᵢ being the source's and each sink's rate alone in"
            + " this run, table below). Held ÷ bound: **%s** (goal ≥ 0.8). Limited by: **%s** (the"
            + " one whose lag grew most in the lowest-rate window that did not keep up). Worker"
            + " peak RSS %,d MB.",
        sustained,
        bound,
        result.goalRatio().map(r -> String.format("%.2f", r)).orElse("-"),
        limited,
        result.workerPeakRssMb());
  }

  static void write(Path docs, String text, double seconds) throws IOException {
    String header =
        Report.header(
            String.format("whole run %.0f s", seconds),
            "mvn -B -ntp -pl benchmarks -am package -DskipTests -Pbench (the end-to-end part;"
                + " alone with -Dbench.source.skip=true -Dbench.sinks.skip=true, e2e defaults, "
                + Neo4jTarget.memory()
                + ")");
    Report.replaceSection(docs, START, END, header + text);
  }

  private static String verdict(ProbeResult window) {
    return window.keptUp()
        ? "kept up"
        : "not kept up: "
            + window.limitedBy().orElse("?")
            + (window.sourceLimited() ? "-limited" : "");
  }

  private static String lag(SinkLag lag) {
    String text = String.format("%,d (%,d)", lag.end(), lag.baseline());
    return lag.keptUp() ? text : "**" + text + "**";
  }
}
