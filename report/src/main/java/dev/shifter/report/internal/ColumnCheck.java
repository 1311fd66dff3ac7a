package dev.shifter.report.internal;

import dev.shifter.api.ColumnSpec;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Remedy;
import dev.shifter.api.Remedy.Setting;
import dev.shifter.api.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Checks that a compared table has the real table's columns (names and kinds; the order may differ). */
public final class ColumnCheck {
  private ColumnCheck() {}

  /**
   * Checks the columns.
   *
   * @param real the real table
   * @param other the table compared with it
   * @param role how the message calls {@code other}, e.g. {@code "shifted"}
   * @throws InvalidInputException naming the missing, extra and differently typed columns
   */
  public static void requireSameColumns(Table real, Table other, String role) {
    List<String> problems = new ArrayList<>();
    for (ColumnSpec column : real.columns()) {
      ColumnSpec found = find(other, column.name());
      if (found == null) {
        problems.add("'" + column.name() + "' is missing");
      } else if (found.kind() != column.kind()) {
        problems.add("'" + column.name() + "' is " + kind(found) + " but " + kind(column) + " in the real table");
      }
    }
    for (ColumnSpec column : other.columns()) {
      if (find(real, column.name()) == null) {
        problems.add("'" + column.name() + "' is not in the real table");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("The " + role + " table's columns differ from the real table's: "
          + String.join("; ", problems) + ". Compare tables with the same columns and kinds: drop or rename the "
          + "differing columns, and read the files with the same column kinds.", Remedy.set(Setting.DISCRETE_COLUMN),
          Remedy.set(Setting.CONTINUOUS_COLUMN));
    }
  }

  private static @Nullable ColumnSpec find(Table table, String name) {
    for (ColumnSpec column : table.columns()) {
      if (column.name().equals(name)) {
        return column;
      }
    }
    return null;
  }

  private static String kind(ColumnSpec column) {
    return column.kind().name().toLowerCase(Locale.ROOT);
  }
}
