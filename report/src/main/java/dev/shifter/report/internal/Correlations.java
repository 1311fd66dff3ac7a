package dev.shifter.report.internal;

import dev.shifter.api.Table;
import java.util.List;

/**
 * Pearson correlation matrices of continuous columns. Each pair uses the rows where both values are
 * present; a pair with a constant column (or fewer than two such rows) has no correlation, shown as 0
 * and counted in {@link Matrix#undefined()}.
 */
public final class Correlations {
  private Correlations() {}

  /**
   * A correlation matrix.
   *
   * @param values {@code values[i][j]}, symmetric, 1 on the diagonal of a non-constant column
   * @param undefined the number of pairs (i &lt; j) with no correlation
   */
  public record Matrix(double[][] values, int undefined) {}

  /**
   * Computes the matrix of a table's columns.
   *
   * @param table the table
   * @param names the continuous columns, in order
   * @return the matrix
   */
  public static Matrix pearson(Table table, List<String> names) {
    int d = names.size();
    double[][] columns = new double[d][];
    for (int j = 0; j < d; j++) {
      columns[j] = Columns.numbersWithNaN(table, names.get(j));
    }
    double[][] r = new double[d][d];
    int undefined = 0;
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        double value = pearson(columns[i], columns[j]);
        if (Double.isNaN(value)) {
          undefined += i < j ? 1 : 0;
          value = 0;
        }
        r[i][j] = value;
        r[j][i] = value;
      }
    }
    return new Matrix(r, undefined);
  }

  /**
   * Returns the element-wise difference {@code a - b}.
   *
   * @param a the first matrix
   * @param b the second matrix, of the same size
   * @return the difference
   */
  public static double[][] difference(double[][] a, double[][] b) {
    double[][] diff = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      diff[i] = new double[a[i].length];
      for (int j = 0; j < a[i].length; j++) {
        diff[i][j] = a[i][j] - b[i][j];
      }
    }
    return diff;
  }

  private static double pearson(double[] x, double[] y) {
    double sx = 0;
    double sy = 0;
    int n = 0;
    for (int k = 0; k < x.length; k++) {
      if (!Double.isNaN(x[k]) && !Double.isNaN(y[k])) {
        sx += x[k];
        sy += y[k];
        n++;
      }
    }
    if (n < 2) {
      return Double.NaN;
    }
    double mx = sx / n;
    double my = sy / n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int k = 0; k < x.length; k++) {
      if (!Double.isNaN(x[k]) && !Double.isNaN(y[k])) {
        double dx = x[k] - mx;
        double dy = y[k] - my;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
      }
    }
    if (sxx <= 0 || syy <= 0) {
      return Double.NaN;
    }
    return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  }
}
