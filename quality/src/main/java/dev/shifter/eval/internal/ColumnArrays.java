package dev.shifter.eval.internal;

import dev.shifter.api.ColumnKind;
import dev.shifter.api.ColumnSpec;
import dev.shifter.api.Table;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.jspecify.annotations.Nullable;

/**
 * A table's columns copied into Java arrays, in a given column order: continuous columns as
 * {@code double[]} with {@code NaN} for a missing value, categorical columns as {@code String[]} with
 * {@code null} for a missing value. Equal labels of a column share one {@code String} instance.
 */
public final class ColumnArrays {
  private static final double[] NO_NUMBERS = new double[0];
  private static final @Nullable String[] NO_LABELS = new String[0];

  private final List<ColumnSpec> columns;
  private final double[][] numbers;
  private final @Nullable String[][] labels;
  private final int rows;

  private ColumnArrays(List<ColumnSpec> columns, double[][] numbers, @Nullable String[][] labels, int rows) {
    this.columns = List.copyOf(columns);
    this.numbers = numbers;
    this.labels = labels;
    this.rows = rows;
  }

  /**
   * Copies the columns of a table.
   *
   * @param table the table; it stays open and unchanged
   * @param columns the columns to copy, in this order; each must exist in the table with this kind
   * @return the copy
   */
  public static ColumnArrays of(Table table, List<ColumnSpec> columns) {
    int rows = table.rowCount();
    double[][] numbers = new double[columns.size()][];
    @Nullable String[][] labels = new String[columns.size()][];
    for (int j = 0; j < columns.size(); j++) {
      ColumnSpec column = columns.get(j);
      if (column.kind() == ColumnKind.CONTINUOUS) {
        numbers[j] = numbers(table.continuous(column.name()), rows);
        labels[j] = NO_LABELS;
      } else {
        numbers[j] = NO_NUMBERS;
        labels[j] = labels(table.categorical(column.name()), rows);
      }
    }
    return new ColumnArrays(columns, numbers, labels, rows);
  }

  private static double[] numbers(Float8Vector vector, int rows) {
    double[] values = new double[rows];
    for (int i = 0; i < rows; i++) {
      values[i] = vector.isNull(i) ? Double.NaN : vector.get(i);
    }
    return values;
  }

  private static @Nullable String[] labels(VarCharVector vector, int rows) {
    @Nullable String[] values = new String[rows];
    Map<String, String> shared = new HashMap<>();
    for (int i = 0; i < rows; i++) {
      if (!vector.isNull(i)) {
        String label = new String(vector.get(i), StandardCharsets.UTF_8);
        values[i] = shared.computeIfAbsent(label, l -> l);
      }
    }
    return values;
  }

  /**
   * Puts the rows of {@code second} below those of {@code first}.
   *
   * @param first the upper rows
   * @param second the lower rows, with the same columns
   * @return the stacked columns
   * @throws IllegalArgumentException if the columns differ
   */
  public static ColumnArrays stack(ColumnArrays first, ColumnArrays second) {
    if (!first.columns.equals(second.columns)) {
      throw new IllegalArgumentException("columns differ: " + first.columns + " vs " + second.columns);
    }
    int width = first.width();
    int rows = first.rows + second.rows;
    double[][] numbers = new double[width][];
    @Nullable String[][] labels = new String[width][];
    for (int j = 0; j < width; j++) {
      if (first.columns.get(j).kind() == ColumnKind.CONTINUOUS) {
        numbers[j] = new double[rows];
        System.arraycopy(first.numbers[j], 0, numbers[j], 0, first.rows);
        System.arraycopy(second.numbers[j], 0, numbers[j], first.rows, second.rows);
        labels[j] = NO_LABELS;
      } else {
        numbers[j] = NO_NUMBERS;
        labels[j] = new String[rows];
        System.arraycopy(first.labels[j], 0, labels[j], 0, first.rows);
        System.arraycopy(second.labels[j], 0, labels[j], first.rows, second.rows);
      }
    }
    return new ColumnArrays(first.columns, numbers, labels, rows);
  }

  /**
   * Returns a seeded random subset of at most {@code limit} rows, in their original order (all rows
   * when there are no more).
   *
   * @param limit the most rows to keep
   * @param seed the seed of the choice
   * @return the subset
   */
  public ColumnArrays sample(int limit, long seed) {
    if (rows <= limit) {
      return this;
    }
    int[] order = new Random(seed).ints(0, rows).distinct().limit(limit).sorted().toArray();
    double[][] keptNumbers = new double[width()][];
    @Nullable String[][] keptLabels = new String[width()][];
    for (int j = 0; j < width(); j++) {
      if (columns.get(j).kind() == ColumnKind.CONTINUOUS) {
        keptNumbers[j] = new double[limit];
        for (int i = 0; i < limit; i++) {
          keptNumbers[j][i] = numbers[j][order[i]];
        }
        keptLabels[j] = NO_LABELS;
      } else {
        keptNumbers[j] = NO_NUMBERS;
        keptLabels[j] = new String[limit];
        for (int i = 0; i < limit; i++) {
          keptLabels[j][i] = labels[j][order[i]];
        }
      }
    }
    return new ColumnArrays(columns, keptNumbers, keptLabels, limit);
  }

  /**
   * Returns the number of rows.
   *
   * @return the row count
   */
  public int rows() {
    return rows;
  }

  /**
   * Returns the number of columns.
   *
   * @return the column count
   */
  public int width() {
    return columns.size();
  }

  /**
   * Returns a column's name and kind.
   *
   * @param column the column index
   * @return its spec
   */
  public ColumnSpec column(int column) {
    return columns.get(column);
  }

  /**
   * Returns the index of a column.
   *
   * @param name the column name
   * @return its index, or -1 when absent
   */
  public int indexOf(String name) {
    for (int j = 0; j < columns.size(); j++) {
      if (columns.get(j).name().equals(name)) {
        return j;
      }
    }
    return -1;
  }

  /**
   * Returns a continuous column's values; the array is shared, do not change it.
   *
   * @param column the column index
   * @return one value per row, {@code NaN} where missing; empty for a categorical column
   */
  public double[] numbers(int column) {
    return numbers[column];
  }

  /**
   * Returns a categorical column's labels; the array is shared, do not change it.
   *
   * @param column the column index
   * @return one label per row, {@code null} where missing; empty for a continuous column
   */
  public @Nullable String[] labels(int column) {
    return labels[column];
  }
}
