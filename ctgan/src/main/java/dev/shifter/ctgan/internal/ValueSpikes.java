package dev.shifter.ctgan.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The exact values that hold a large share of a column (a point mass: capital-gain is 0 in 92 % of
 * Adult's rows, a capped house value in 5 % of California's). A Gaussian component fitted to a point
 * mass gets the width of its prior, not of the data: with the prior variance at the column's variance
 * and {@code N} rows at the value, its standard deviation is about {@code sd / sqrt(N)}, 49 for Adult's
 * capital-gain, so the generator spreads the "zero" rows over 0..200. Such a value is given its own
 * component of width {@code 1e-6 max(1, |value|)} instead, and the mixture is fitted to the other values.
 *
 * @param values the spike values, largest share first
 * @param counts their counts in the column
 * @param total the number of values in the column
 */
record ValueSpikes(double[] values, int[] counts, int total) {

  /**
   * Finds the values that hold at least {@code minShare} of a column, at most {@code maxSpikes} of them.
   *
   * @param x the column's values
   * @param minShare the least share of a spike; 0 or more than 1 finds none
   * @param maxSpikes the most spikes to return (those with the largest shares)
   * @return the spikes, largest share first
   */
  static ValueSpikes find(double[] x, double minShare, int maxSpikes) {
    if (!(minShare > 0.0) || minShare > 1.0 || maxSpikes < 1 || x.length == 0) {
      return new ValueSpikes(new double[0], new int[0], x.length);
    }
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    long least = (long) Math.ceil(minShare * x.length);
    List<double[]> found = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= sorted.length; i++) {
      if (i == sorted.length || Double.compare(sorted[i], sorted[start]) != 0) {
        if (i - start >= least) {
          found.add(new double[] {sorted[start], i - start});
        }
        start = i;
      }
    }
    found.sort(Comparator.comparingDouble((double[] spike) -> -spike[1]).thenComparingDouble(spike -> spike[0]));
    List<double[]> kept = found.subList(0, Math.min(maxSpikes, found.size()));
    double[] values = new double[kept.size()];
    int[] counts = new int[kept.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = kept.get(i)[0];
      counts[i] = (int) kept.get(i)[1];
    }
    return new ValueSpikes(values, counts, x.length);
  }

  /** Returns the number of spikes. */
  int count() {
    return values.length;
  }

  /** Returns the number of values that are not at a spike. */
  int restCount() {
    return total - Arrays.stream(counts).sum();
  }

  /**
   * Returns the values that are not at a spike, in their order.
   *
   * @param x the column's values, as given to {@link #find}
   * @return the other values
   */
  double[] rest(double[] x) {
    double[] spikes = values.clone();
    Arrays.sort(spikes);
    double[] out = new double[restCount()];
    int n = 0;
    for (double v : x) {
      if (Arrays.binarySearch(spikes, v) < 0) {
        out[n++] = v;
      }
    }
    return out;
  }
}
