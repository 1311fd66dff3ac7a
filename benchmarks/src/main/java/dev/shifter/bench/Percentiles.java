package dev.shifter.bench;

import java.util.Arrays;

/** Order statistics of a sample, with linear interpolation between order statistics (numpy's default). */
final class Percentiles {
  private Percentiles() {}

  /**
   * Returns a percentile.
   *
   * @param values the sample (not changed)
   * @param p the percentile in [0, 100]
   * @return the value, or NaN for an empty sample
   */
  static double of(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double position = p / 100 * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }

  /** Returns the median, or NaN for an empty sample. */
  static double median(double[] values) {
    return of(values, 50);
  }
}
