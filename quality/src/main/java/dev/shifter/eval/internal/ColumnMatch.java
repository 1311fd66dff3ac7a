package dev.shifter.eval.internal;

import dev.shifter.api.ColumnSpec;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Remedy;
import dev.shifter.api.Remedy.Setting;
import dev.shifter.api.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks that two tables have the same columns (names and kinds); their order may differ. */
public final class ColumnMatch {
  private ColumnMatch() {}

  /**
   * Checks that {@code other} has exactly the columns of {@code reference}, with the same kinds.
   *
   * @param reference the table whose columns are expected, e.g. the real table
   * @param referenceRole how the message calls it, e.g. {@code "real"}
   * @param other the table to check
   * @param otherRole how the message calls it, e.g. {@code "synthetic"}
   * @throws InvalidInputException naming the missing, extra and differently typed columns and the fix
   */
  public static void require(Table reference, String referenceRole, Table other, String otherRole) {
    Map<String, ColumnSpec> expected = byName(reference.columns());
    Map<String, ColumnSpec> actual = byName(other.columns());
    List<String> missing = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    for (ColumnSpec column : expected.values()) {
      ColumnSpec found = actual.get(column.name());
      if (found == null) {
        missing.add(column.name());
      } else if (found.kind() != column.kind()) {
        kinds.add(column.name() + " (" + referenceRole + " " + kindName(column) + ", " + otherRole + " "
            + kindName(found) + ")");
      }
    }
    List<String> extra = actual.keySet().stream().filter(name -> !expected.containsKey(name)).toList();
    if (missing.isEmpty() && extra.isEmpty() && kinds.isEmpty()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    if (!missing.isEmpty()) {
      problems.add("missing from the " + otherRole + " table: " + String.join(", ", missing));
    }
    if (!extra.isEmpty()) {
      problems.add("not in the " + referenceRole + " table: " + String.join(", ", extra));
    }
    if (!kinds.isEmpty()) {
      problems.add("of another kind: " + String.join(", ", kinds));
    }
    throw new InvalidInputException("The " + otherRole + " table's columns differ from the " + referenceRole
        + " table's: " + String.join("; ", problems) + ". Both tables must have the same columns with the same "
        + "kinds (continuous or categorical): drop or rename the differing columns, and read both files with the "
        + "same column kinds.", Remedy.set(Setting.DISCRETE_COLUMN), Remedy.set(Setting.CONTINUOUS_COLUMN));
  }

  private static Map<String, ColumnSpec> byName(List<ColumnSpec> columns) {
    Map<String, ColumnSpec> map = new LinkedHashMap<>();
    for (ColumnSpec column : columns) {
      map.put(column.name(), column);
    }
    return map;
  }

  private static String kindName(ColumnSpec column) {
    return column.kind().name().toLowerCase(Locale.ROOT);
  }
}
