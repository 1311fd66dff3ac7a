package dev.shifter.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/** The text of the suite benchmark: a line per set and method, the summary tables and the CSV files. */
final class SuiteReport {
  private SuiteReport() {}

  /** One set and method: its entries and scores. */
  static String setLine(SuiteResult r) {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%n%s %-7s %s%n", r.set(), r.method(), r.note()));
    if (!r.succeeded()) {
      return text.toString();
    }
    for (SuiteResult.Entry e : r.entries()) {
      text.append(String.format(Locale.ROOT, "  %-42s %-6s target %-12.6g unshifted %-12.6g reached %-12.6g "
          + "error %6.2f %% (unshifted %6.2f %%)%s%s%n", e.label(), e.rule(), e.target(), e.unshifted(), e.reached(),
          100 * e.error(), 100 * e.unshiftedError(), e.within() ? "" : "  outside tolerance",
          e.movedAway() ? "  MOVED AWAY" : ""));
    }
    text.append(String.format(Locale.ROOT, "  detection %.3f, forest AUC %.3f, excess at bounds %.1f %% (added over "
        + "the plain CTGAN %.1f %%), worst categorical TV drop %.3f, %.1f s%n", r.detection(), r.forestAuc(),
        100 * r.boundExcess(), 100 * r.addedAtBounds(), r.worstTvDrop(), r.seconds()));
    return text.toString();
  }

  /** The summary: per method over all sets, per data set, and the plausible sets' realism figures. */
  static String summary(List<SuiteResult> results) {
    StringBuilder text = new StringBuilder();
    text.append("Entries (relative error |reached - target| / |target|; \"away\": further from the target than the "
        + "plain CTGAN with the same noise; \"away, outside\": of those, the ones outside their tolerance):\n\n"
        + "| data set | method | sets | failed | entries | median error | p90 error | within tolerance | away | "
        + "away, outside | median s / set |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    Set<String> dataSets = new LinkedHashSet<>();
    results.forEach(r -> dataSets.add(r.dataSet()));
    List<String> scopes = new ArrayList<>(dataSets);
    scopes.add("all");
    for (String scope : scopes) {
      for (String method : List.of("shifter", "tilt")) {
        List<SuiteResult> sets = select(results, scope, method, r -> true);
        if (sets.isEmpty()) {
          continue;
        }
        List<SuiteResult.Entry> entries = sets.stream().flatMap(r -> r.entries().stream()).toList();
        double[] errors = entries.stream().mapToDouble(SuiteResult.Entry::error).toArray();
        long within = entries.stream().filter(SuiteResult.Entry::within).count();
        long away = entries.stream().filter(SuiteResult.Entry::movedAway).count();
        long awayOutside = entries.stream().filter(e -> e.movedAway() && !e.within()).count();
        long failed = sets.stream().filter(r -> !r.succeeded()).count();
        text.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %.2f %% | %.2f %% | %d (%.0f %%) | %d | "
            + "%d | %.1f |%n", scope, method, sets.size(), failed, entries.size(), 100 * Percentiles.median(errors),
            100 * Percentiles.of(errors, 90), within, entries.isEmpty() ? 0 : 100.0 * within / entries.size(), away,
            awayOutside, Percentiles.median(sets.stream().mapToDouble(SuiteResult::seconds).toArray())));
      }
    }
    text.append("\nRealism against the plain CTGAN (detection drop: plain score - method's score; forest AUC rise: "
        + "method's AUC - plain AUC; excess at bounds: worst share of rows at a column's smallest or largest real "
        + "value beyond the real share; added at bounds: the same beyond the plain CTGAN's share; TV drop: worst fall "
        + "of a categorical column's TV complement):\n\n"
        + "| data set | method | sets | median detection drop | worst detection drop | median forest AUC rise | "
        + "worst forest AUC rise | worst excess at bounds | worst added at bounds | worst TV drop |\n"
        + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String kind : List.of("plausible sets", "all sets")) {
      for (String scope : scopes) {
        for (String method : List.of("shifter", "tilt")) {
          List<SuiteResult> sets = select(results, scope, method, r -> r.succeeded()
              && (kind.equals("all sets") || r.allPlausible()));
          if (sets.isEmpty()) {
            continue;
          }
          double[] drops = sets.stream().mapToDouble(r -> plain(results, r.dataSet()).detection() - r.detection())
              .toArray();
          double[] rises = sets.stream().mapToDouble(r -> r.forestAuc() - plain(results, r.dataSet()).forestAuc())
              .toArray();
          text.append(String.format(Locale.ROOT, "| %s (%s) | %s | %d | %.3f | %.3f | %.3f | %.3f | %.1f %% | %.1f %% | "
              + "%.3f |%n", scope, kind, method, sets.size(), Percentiles.median(drops), max(drops),
              Percentiles.median(rises), max(rises), 100 * max(sets, SuiteResult::boundExcess),
              100 * max(sets, SuiteResult::addedAtBounds), max(sets, SuiteResult::worstTvDrop)));
        }
      }
    }
    text.append("\nThe plain CTGAN of each data set: ");
    for (String dataSet : dataSets) {
      SuiteResult plain = plain(results, dataSet);
      text.append(String.format(Locale.ROOT, "%s detection %.3f, forest AUC %.3f, excess at bounds %.1f %%; ",
          dataSet, plain.detection(), plain.forestAuc(), 100 * plain.boundExcess()));
    }
    text.append("\n");
    return text.toString();
  }

  private static List<SuiteResult> select(List<SuiteResult> results, String scope, String method,
      Predicate<SuiteResult> filter) {
    return results.stream().filter(r -> r.method().equals(method) && (scope.equals("all") || r.dataSet().equals(scope)))
        .filter(filter).toList();
  }

  private static SuiteResult plain(List<SuiteResult> results, String dataSet) {
    return results.stream().filter(r -> r.method().equals("ctgan") && r.dataSet().equals(dataSet)).findFirst()
        .orElseThrow();
  }

  private static double max(double[] values) {
    double worst = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      worst = Math.max(worst, v);
    }
    return worst;
  }

  private static double max(List<SuiteResult> sets, ToDoubleFunction<SuiteResult> value) {
    return max(sets.stream().mapToDouble(value).toArray());
  }

  /** One line per entry and method. */
  static String entriesCsv(List<SuiteResult> results) {
    StringBuilder csv = new StringBuilder(Csv.row("data_set", "set", "method", "entry", "rule", "plausible", "real",
        "target", "unshifted", "reached", "error", "unshifted_error", "tolerance", "within", "moved_away"));
    for (SuiteResult r : results) {
      for (SuiteResult.Entry e : r.entries()) {
        csv.append(Csv.row(r.dataSet(), r.set(), r.method(), e.label(), e.rule(), e.plausible(), e.real(), e.target(),
            e.unshifted(), e.reached(), e.error(), e.unshiftedError(), e.tolerance(), e.within(), e.movedAway()));
      }
    }
    return csv.toString();
  }

  /** One line per set and method, the plain CTGANs included. */
  static String setsCsv(List<SuiteResult> results) {
    StringBuilder csv = new StringBuilder(Csv.row("data_set", "set", "method", "all_plausible", "detection",
        "forest_auc", "bound_excess", "added_at_bounds", "worst_tv_drop", "seconds", "note"));
    for (SuiteResult r : results) {
      csv.append(Csv.row(r.dataSet(), r.set(), r.method(), r.allPlausible(), r.detection(), r.forestAuc(),
          r.boundExcess(), r.addedAtBounds(), r.worstTvDrop(), r.seconds(), r.note()));
    }
    return csv.toString();
  }
}
