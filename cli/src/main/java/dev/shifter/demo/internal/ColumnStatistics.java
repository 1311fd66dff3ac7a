package dev.shifter.demo.internal;

import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.MetaFeatureValues;
import dev.shifter.api.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.Float8Vector;

/**
 * What the demo's targets are derived from, for a table's continuous columns over the rows that have a
 * value in every continuous column: the meta-features {@code mean}, {@code sd}, {@code skewness} and
 * {@code cor} as the registry computes them ({@link MetaFeatureValues}, so a target steps from the very
 * value training measures), and the share of a column's most frequent value.
 */
public final class ColumnStatistics {
  /** The meta-features the demo's targets step from. */
  private static final List<String> FEATURES = List.of("mean", "sd", "skewness", "cor");

  private final List<String> names;
  private final double[][] columns;
  private final MetaFeatureValues values;

  private ColumnStatistics(List<String> names, double[][] columns, MetaFeatureValues values) {
    this.names = names;
    this.columns = columns;
    this.values = values;
  }

  /**
   * Reads the continuous columns of a table and computes their meta-features.
   *
   * @param table the table
   * @param registry the meta-features; it provides {@code mean}, {@code sd}, {@code skewness} and {@code cor}
   * @return the statistics of its complete rows
   */
  public static ColumnStatistics of(Table table, MetaFeatureRegistry registry) {
    List<String> names = table.continuousColumnNames();
    List<Float8Vector> vectors = new ArrayList<>(names.size());
    for (String name : names) {
      vectors.add(table.continuous(name));
    }
    int rows = table.rowCount();
    int[] complete = new int[rows];
    int count = 0;
    for (int row = 0; row < rows; row++) {
      boolean full = true;
      for (Float8Vector vector : vectors) {
        full &= !vector.isNull(row);
      }
      if (full) {
        complete[count++] = row;
      }
    }
    double[][] columns = new double[names.size()][count];
    for (int c = 0; c < names.size(); c++) {
      Float8Vector vector = vectors.get(c);
      for (int i = 0; i < count; i++) {
        columns[c][i] = vector.get(complete[i]);
      }
    }
    return new ColumnStatistics(List.copyOf(names), columns,
        MetaFeatureValues.of(table, registry.select(FEATURES)));
  }

  /**
   * Returns the continuous columns, in table order.
   *
   * @return the names
   */
  public List<String> names() {
    return names;
  }

  /**
   * Returns the number of complete rows.
   *
   * @return the rows used
   */
  public int rows() {
    return columns.length == 0 ? 0 : columns[0].length;
  }

  /**
   * Returns a column's values over the complete rows.
   *
   * @param column the column's index among the continuous columns
   * @return a copy of the values
   */
  public double[] values(int column) {
    return columns[column].clone();
  }

  /**
   * Returns a column's mean.
   *
   * @param column the column's index among the continuous columns
   * @return the mean, NaN without rows
   */
  public double mean(int column) {
    return values.get("mean", names.get(column));
  }

  /**
   * Returns a column's standard deviation at ddof = 1.
   *
   * @param column the column's index among the continuous columns
   * @return the standard deviation (ddof = 1)
   */
  public double sd(int column) {
    return values.get("sd", names.get(column));
  }

  /**
   * Returns a column's skewness {@code m3 / s^3}.
   *
   * @param column the column's index among the continuous columns
   * @return the skewness
   */
  public double skewness(int column) {
    return values.get("skewness", names.get(column));
  }

  /**
   * Returns the share of the rows that hold a column's most frequent value.
   *
   * @param column the column's index among the continuous columns
   * @return the share in (0, 1], 0 without rows
   */
  public double topShare(int column) {
    double[] sorted = columns[column].clone();
    if (sorted.length == 0) {
      return 0;
    }
    Arrays.sort(sorted);
    int best = 1;
    int run = 1;
    for (int i = 1; i < sorted.length; i++) {
      run = sorted[i] == sorted[i - 1] ? run + 1 : 1;
      best = Math.max(best, run);
    }
    return (double) best / sorted.length;
  }

  /**
   * Returns Pearson's correlation of two columns.
   *
   * @param first one column's index among the continuous columns
   * @param second the other's
   * @return |r| in [0, 1], the {@code cor} meta-feature
   */
  public double correlation(int first, int second) {
    double r = values.get("cor", names.get(first) + "~" + names.get(second));
    return Double.isNaN(r) ? values.get("cor", names.get(second) + "~" + names.get(first)) : r;
  }
}
