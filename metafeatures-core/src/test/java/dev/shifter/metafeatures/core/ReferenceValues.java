package dev.shifter.metafeatures.core;

import java.util.Arrays;

/**
 * A plain float64 implementation of the ten features with straightforward loops, used to state the
 * expected values of the small matrices in the degenerate-input tests (the real data sets and the
 * synthetic matrices are checked against numpy/scipy instead).
 */
final class ReferenceValues {
  private ReferenceValues() {}

  /**
   * Computes one feature on a row-major matrix.
   *
   * @param name the feature's name
   * @param rows the matrix, at least two rows and no constant column
   * @return its value
   */
  static double[] of(String name, double[][] rows) {
    int n = rows.length;
    int d = rows[0].length;
    double[][] columns = new double[d][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        columns[j][i] = rows[i][j];
      }
    }
    return switch (name) {
      case "cor", "cov", "gaussian_mi" -> pairs(name, columns);
      default -> Arrays.stream(columns).mapToDouble(c -> column(name, c)).toArray();
    };
  }

  private static double column(String name, double[] c) {
    int n = c.length;
    double mean = Arrays.stream(c).sum() / n;
    double ss = 0;
    double s3 = 0;
    double s4 = 0;
    for (double v : c) {
      double e = v - mean;
      ss += e * e;
      s3 += e * e * e;
      s4 += e * e * e * e;
    }
    double var = ss / (n - 1);
    double sd = Math.sqrt(var);
    return switch (name) {
      case "mean" -> mean;
      case "median" -> quantile(c, 0.5);
      case "iq_range" -> quantile(c, 0.75) - quantile(c, 0.25);
      case "sd" -> sd;
      case "var" -> var;
      case "skewness" -> s3 / n / (sd * sd * sd);
      case "kurtosis" -> s4 / n / (var * var) - 3;
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static double quantile(double[] c, double p) {
    double[] s = c.clone();
    Arrays.sort(s);
    double pos = p * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, s.length - 1);
    return s[lo] + (pos - lo) * (s[hi] - s[lo]);
  }

  private static double[] pairs(String name, double[][] columns) {
    int d = columns.length;
    int n = columns[0].length;
    double[] out = new double[d * (d - 1) / 2];
    int k = 0;
    for (int i = 0; i < d; i++) {
      for (int j = i + 1; j < d; j++) {
        double mi = Arrays.stream(columns[i]).sum() / n;
        double mj = Arrays.stream(columns[j]).sum() / n;
        double sij = 0;
        double sii = 0;
        double sjj = 0;
        for (int r = 0; r < n; r++) {
          double a = columns[i][r] - mi;
          double b = columns[j][r] - mj;
          sij += a * b;
          sii += a * a;
          sjj += b * b;
        }
        double corr = sij / Math.sqrt(sii * sjj);
        out[k++] = switch (name) {
          case "cov" -> Math.abs(sij / (n - 1));
          case "cor" -> Math.abs(corr);
          case "gaussian_mi" -> -0.5 * Math.log(1 - corr * corr);
          default -> throw new IllegalArgumentException(name);
        };
      }
    }
    return out;
  }
}
