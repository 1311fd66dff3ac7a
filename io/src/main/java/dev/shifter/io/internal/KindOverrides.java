package dev.shifter.io.internal;

import dev.shifter.api.ColumnKind;
import dev.shifter.api.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The caller's forced column kinds, checked against a file's columns. */
final class KindOverrides {
  private final Set<String> discrete;
  private final Set<String> continuous;

  private KindOverrides(Set<String> discrete, Set<String> continuous) {
    this.discrete = discrete;
    this.continuous = continuous;
  }

  /**
   * Checks that every forced name is a column.
   *
   * @param where the location of the column names, e.g. {@code "data.csv, line 1"}
   * @param columns the file's column names
   * @param discrete names forced categorical
   * @param continuous names forced continuous
   * @return the overrides
   * @throws InvalidInputException naming the unknown columns and listing the real ones
   */
  static KindOverrides check(String where, List<String> columns, Set<String> discrete, Set<String> continuous) {
    List<String> problems = new ArrayList<>();
    unknown("discrete", discrete, columns, problems);
    unknown("continuous", continuous, columns, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(where + ": " + String.join("; ", problems) + ". The columns are: "
          + String.join(", ", columns) + ". Check the spelling (names are case-sensitive).");
    }
    return new KindOverrides(discrete, continuous);
  }

  private static void unknown(String kind, Set<String> names, List<String> columns, List<String> problems) {
    List<String> missing = names.stream().filter(n -> !columns.contains(n)).toList();
    if (!missing.isEmpty()) {
      problems.add("the " + kind + " column" + (missing.size() == 1 ? " " : "s ") + "'"
          + String.join("', '", missing) + "' " + (missing.size() == 1 ? "is" : "are") + " not in the file");
    }
  }

  /** Tells whether the caller forced this column to be categorical. */
  boolean forcedDiscrete(String column) {
    return discrete.contains(column);
  }

  /** Tells whether the caller forced this column to be continuous. */
  boolean forcedContinuous(String column) {
    return continuous.contains(column);
  }

  /**
   * Returns the column's kind: the forced one if any, else the inferred one.
   *
   * @param column the column name
   * @param inferred the kind the data suggests
   * @return the kind to use
   */
  ColumnKind kindOf(String column, ColumnKind inferred) {
    if (discrete.contains(column)) {
      return ColumnKind.CATEGORICAL;
    }
    if (continuous.contains(column)) {
      return ColumnKind.CONTINUOUS;
    }
    return inferred;
  }
}
