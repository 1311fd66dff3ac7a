package dev.shifter.eval.internal;

import java.util.Arrays;

/** The two-sample Kolmogorov-Smirnov statistic, computed exactly from the sorted samples. */
public final class KolmogorovSmirnov {
  private KolmogorovSmirnov() {}

  /**
   * Returns {@code sup_x |F_a(x) - F_b(x)|} over the empirical distribution functions of the two
   * samples, ignoring {@code NaN} (missing) values. Ties are handled exactly: both functions step at
   * a shared value before they are compared.
   *
   * @param a the first sample
   * @param b the second sample
   * @return the statistic in [0, 1]; 0 when both samples are empty, 1 when only one is
   */
  public static double statistic(double[] a, double[] b) {
    double[] x = sortedPresent(a);
    double[] y = sortedPresent(b);
    if (x.length == 0 || y.length == 0) {
      return x.length == y.length ? 0 : 1;
    }
    double largest = 0;
    int i = 0;
    int j = 0;
    while (i < x.length && j < y.length) {
      double value = Math.min(x[i], y[j]);
      while (i < x.length && x[i] == value) {
        i++;
      }
      while (j < y.length && y[j] == value) {
        j++;
      }
      largest = Math.max(largest, Math.abs((double) i / x.length - (double) j / y.length));
    }
    return largest;
  }

  /**
   * Returns the KS complement {@code 1 - statistic(a, b)}: 1 when the two distributions are the same.
   *
   * @param a the first sample ({@code NaN} = missing, ignored)
   * @param b the second sample ({@code NaN} = missing, ignored)
   * @return the complement in [0, 1]
   */
  public static double complement(double[] a, double[] b) {
    return 1 - statistic(a, b);
  }

  private static double[] sortedPresent(double[] values) {
    double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    Arrays.sort(present);
    return present;
  }
}
