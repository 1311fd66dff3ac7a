package dev.shifter.demo.internal;

import dev.shifter.api.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.Float8Vector;

/**
 * Plain float64 statistics of a table's continuous columns, over the rows that have a value in every
 * continuous column. The definitions are those of the core meta-features: the standard deviation at
 * ddof = 1, skewness {@code m3 / s^3} with {@code m3} the mean cubed deviation and {@code s} at ddof = 1,
 * and Pearson's r (signed here; the {@code cor} meta-feature is its absolute value).
 */
public final class ColumnStatistics {
  private final List<String> names;
  private final double[][] columns;

  private ColumnStatistics(List<String> names, double[][] columns) {
    this.names = names;
    this.columns = columns;
  }

  /**
   * Reads the continuous columns of a table.
   *
   * @param table the table
   * @return the statistics of its complete rows
   */
  public static ColumnStatistics of(Table table) {
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
    return new ColumnStatistics(List.copyOf(names), columns);
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
   * @return the mean, 0 without rows
   */
  public double mean(int column) {
    double[] values = columns[column];
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return values.length == 0 ? 0 : sum / values.length;
  }

  /**
   * Returns a column's standard deviation at ddof = 1.
   *
   * @param column the column's index among the continuous columns
   * @return the standard deviation, 0 with fewer than two rows
   */
  public double sd(int column) {
    double[] values = columns[column];
    if (values.length < 2) {
      return 0;
    }
    double mean = mean(column);
    double squares = 0;
    for (double value : values) {
      squares += (value - mean) * (value - mean);
    }
    return Math.sqrt(squares / (values.length - 1));
  }

  /**
   * Returns a column's skewness {@code m3 / s^3}.
   *
   * @param column the column's index among the continuous columns
   * @return the skewness, 0 for a constant column
   */
  public double skewness(int column) {
    double sd = sd(column);
    if (sd == 0) {
      return 0;
    }
    double mean = mean(column);
    double[] values = columns[column];
    double cubes = 0;
    for (double value : values) {
      double deviation = (value - mean) / sd;
      cubes += deviation * deviation * deviation;
    }
    return cubes / values.length;
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
   * @return r in [-1, 1], 0 if either column is constant
   */
  public double correlation(int first, int second) {
    double sdFirst = sd(first);
    double sdSecond = sd(second);
    if (sdFirst == 0 || sdSecond == 0) {
      return 0;
    }
    double meanFirst = mean(first);
    double meanSecond = mean(second);
    double[] x = columns[first];
    double[] y = columns[second];
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += (x[i] - meanFirst) * (y[i] - meanSecond);
    }
    return Math.max(-1, Math.min(1, sum / (x.length - 1) / (sdFirst * sdSecond)));
  }
}
