package dev.shifter.report.internal;

import dev.shifter.api.Table;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.jspecify.annotations.Nullable;

/** Copies one column of a table out of Arrow memory. */
public final class Columns {
  private Columns() {}

  /**
   * Returns the values of a continuous column, missing ones left out.
   *
   * @param table the table
   * @param name the continuous column
   * @return the present values in row order
   */
  public static double[] numbers(Table table, String name) {
    Float8Vector vector = table.continuous(name);
    int rows = table.rowCount();
    double[] values = new double[rows];
    int count = 0;
    for (int i = 0; i < rows; i++) {
      if (!vector.isNull(i)) {
        values[count++] = vector.get(i);
      }
    }
    return count == rows ? values : Arrays.copyOf(values, count);
  }

  /**
   * Returns the values of a continuous column, NaN where missing.
   *
   * @param table the table
   * @param name the continuous column
   * @return one value per row
   */
  public static double[] numbersWithNaN(Table table, String name) {
    Float8Vector vector = table.continuous(name);
    double[] values = new double[table.rowCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = vector.isNull(i) ? Double.NaN : vector.get(i);
    }
    return values;
  }

  /**
   * Returns the labels of a categorical column.
   *
   * @param table the table
   * @param name the categorical column
   * @return one label per row, {@code null} where missing
   */
  public static @Nullable String[] labels(Table table, String name) {
    VarCharVector vector = table.categorical(name);
    @Nullable String[] labels = new String[table.rowCount()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = vector.isNull(i) ? null : new String(vector.get(i), StandardCharsets.UTF_8);
    }
    return labels;
  }
}
