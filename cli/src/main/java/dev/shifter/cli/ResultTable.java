package dev.shifter.cli;

import dev.shifter.api.Arity;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

/**
 * Prints computed meta-features as an aligned text table: one row per value, grouped by feature, the
 * feature's name on the first row of its group; pair entries read {@code a~b}, a scalar's entry reads
 * {@code (table)}.
 */
final class ResultTable {
  private static final int VALUE_COLUMN = 2;

  private ResultTable() {}

  /** Prints the results. */
  static void print(List<FeatureValues> results, PrintWriter out) {
    TextTable table = new TextTable(List.of("feature", "column", "value"), Set.of(VALUE_COLUMN));
    for (FeatureValues result : results) {
      if (result.values().length == 0) {
        table.add(List.of(result.name(), "(none: needs two or more columns)", ""));
        continue;
      }
      for (int i = 0; i < result.values().length; i++) {
        String entry = result.arity() == Arity.SCALAR ? "(table)" : result.labels().get(i);
        table.add(List.of(i == 0 ? result.name() : "", entry, ValueText.of(result.values()[i])));
      }
    }
    table.print(out);
  }
}
