package dev.pageevents.pipeline.compare;

import dev.pageevents.core.view.PageTotals;
import dev.pageevents.pipeline.compare.Comparison.Mismatch;
import dev.pageevents.pipeline.compare.Comparison.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a {@link Comparison} as a text table: one row per page, "visits / total duration ms" for
 * Kafka and each store, a {@code *} after every value that differs from Kafka's, then the list of
 * mismatches.
 */
public final class ComparisonTable {
  private static final String MARK = " *";
  private static final String ABSENT = "-";

  private ComparisonTable() {}

  /**
   * The table; with more than {@code maxRows} pages, only rows with a mismatch and the most visited
   * pages up to {@code maxRows} are shown, plus a line saying how many were left out.
   */
  public static String render(Comparison comparison, int maxRows) {
    Set<String> wrong =
        comparison.mismatches().stream().map(Mismatch::page).collect(Collectors.toSet());
    List<Row> shown = pick(comparison.rows(), wrong, maxRows);
    List<String> header = new ArrayList<>();
    header.add("page");
    header.add("Kafka (visits / ms)");
    header.addAll(comparison.stores());
    List<List<String>> cells = new ArrayList<>();
    for (Row row : shown) {
      List<String> line = new ArrayList<>();
      line.add(row.page());
      line.add(cell(row.kafka(), false, false));
      for (String store : comparison.stores()) {
        PageTotals actual = row.stores().get(store);
        boolean visitsDiffer = differs(row.kafka(), actual, true);
        boolean durationDiffers = differs(row.kafka(), actual, false);
        line.add(cell(actual, visitsDiffer, durationDiffers));
      }
      cells.add(line);
    }
    cells.add(totals(comparison));
    StringBuilder out = new StringBuilder();
    int[] widths = widths(header, cells);
    append(out, header, widths);
    append(out, dashes(widths), widths);
    cells.forEach(line -> append(out, line, widths));
    int hidden = comparison.rows().size() - shown.size();
    if (hidden > 0) {
      out.append("(").append(hidden).append(" more pages, all equal in every store)\n");
    }
    out.append(summary(comparison));
    return out.toString();
  }

  /** "All 5 stores match the topic: ..." or the list of mismatches. */
  public static String summary(Comparison comparison) {
    StringBuilder out = new StringBuilder();
    if (comparison.matches()) {
      out.append("All ")
          .append(comparison.stores().size())
          .append(" stores match the topic '")
          .append(comparison.topic())
          .append("': ")
          .append(comparison.events())
          .append(" events over ")
          .append(comparison.rows().size())
          .append(" pages");
      if (comparison.poison() > 0) {
        out.append(" (").append(comparison.poison()).append(" poison records skipped)");
      }
      return out.append('\n').toString();
    }
    out.append(comparison.mismatches().size()).append(" mismatches (marked *):\n");
    comparison.mismatches().forEach(m -> out.append("  ").append(m.describe()).append('\n'));
    return out.toString();
  }

  private static List<Row> pick(List<Row> rows, Set<String> wrong, int maxRows) {
    if (rows.size() <= maxRows) {
      return rows;
    }
    List<Row> byVisits = new ArrayList<>(rows);
    byVisits.sort(Comparator.comparingLong(ComparisonTable::visits).reversed());
    Set<String> keep = byVisits.stream().limit(maxRows).map(Row::page).collect(Collectors.toSet());
    keep.addAll(wrong);
    return rows.stream().filter(r -> keep.contains(r.page())).toList();
  }

  private static long visits(Row row) {
    return row.kafka() == null ? 0 : row.kafka().visits();
  }

  private static boolean differs(PageTotals expected, PageTotals actual, boolean visits) {
    if (expected == null || actual == null) {
      return expected != actual;
    }
    return visits
        ? expected.visits() != actual.visits()
        : expected.totalDurationMs() != actual.totalDurationMs();
  }

  private static String cell(PageTotals totals, boolean visitsDiffer, boolean durationDiffers) {
    if (totals == null) {
      return visitsDiffer ? ABSENT + MARK : ABSENT;
    }
    return totals.visits()
        + (visitsDiffer ? MARK : "")
        + " / "
        + totals.totalDurationMs()
        + (durationDiffers ? MARK : "");
  }

  private static List<String> totals(Comparison comparison) {
    List<String> line = new ArrayList<>();
    line.add("(all pages)");
    line.add(sum(comparison.rows().stream().map(Row::kafka).toList()));
    for (String store : comparison.stores()) {
      line.add(sum(comparison.rows().stream().map(r -> r.stores().get(store)).toList()));
    }
    return line;
  }

  private static String sum(List<PageTotals> totals) {
    long visits = 0;
    long duration = 0;
    for (PageTotals t : totals) {
      if (t != null) {
        visits += t.visits();
        duration += t.totalDurationMs();
      }
    }
    return visits + " / " + duration;
  }

  private static int[] widths(List<String> header, List<List<String>> cells) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> line : cells) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    return widths;
  }

  private static List<String> dashes(int[] widths) {
    List<String> line = new ArrayList<>();
    for (int width : widths) {
      line.add("-".repeat(width));
    }
    return line;
  }

  private static void append(StringBuilder out, List<String> line, int[] widths) {
    for (int i = 0; i < line.size(); i++) {
      String text = line.get(i);
      if (i == 0) {
        out.append(text).append(" ".repeat(widths[i] - text.length()));
      } else {
        out.append("  ").append(" ".repeat(widths[i] - text.length())).append(text);
      }
    }
    out.append('\n');
  }
}
