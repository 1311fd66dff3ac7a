package dev.shifter.metafeatures.extra.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Quantiles of each column of a matrix whose columns are sorted ascending, by linear interpolation
 * between order statistics: numpy's default ({@code method="linear"}), with position {@code (n - 1) q}.
 * The result is differentiable: it is a fixed linear combination of the sorted values, and sorting is
 * differentiable.
 */
public final class Quantiles {
  private Quantiles() {}

  /**
   * Returns the {@code q}-quantile of each column.
   *
   * @param sorted an {@code n x d} matrix whose columns are sorted ascending
   * @param q the probability, in {@code [0, 1]}
   * @return a vector of length {@code d}
   */
  public static NDArray of(NDArray sorted, double q) {
    int n = NdOps.rows(sorted);
    double position = (n - 1) * q;
    long lo = (long) Math.floor(position);
    long hi = Math.min(lo + 1, n - 1);
    double fraction = position - lo;
    NDArray below = sorted.get(lo);
    if (fraction == 0.0 || hi == lo) {
      return below;
    }
    NDArray above = sorted.get(hi);
    return below.add(NdOps.times(above.sub(below), fraction));
  }

  /**
   * Returns the median of each column: the mean of the two middle values when {@code n} is even.
   *
   * @param sorted an {@code n x d} matrix whose columns are sorted ascending
   * @return a vector of length {@code d}
   */
  public static NDArray median(NDArray sorted) {
    return of(sorted, 0.5);
  }

  /**
   * Returns several quantiles of each column at once.
   *
   * @param sorted an {@code n x d} matrix whose columns are sorted ascending
   * @param qs the probabilities, each in {@code [0, 1]}; at least one
   * @return an {@code m x d} matrix, row {@code k} holding the {@code qs[k]}-quantiles
   */
  public static NDArray of(NDArray sorted, double[] qs) {
    int n = NdOps.rows(sorted);
    int d = NdOps.columns(sorted);
    int m = qs.length;
    long[] lo = new long[m * d];
    long[] hi = new long[m * d];
    double[] fraction = new double[m];
    for (int k = 0; k < m; k++) {
      double position = (n - 1) * qs[k];
      long below = (long) Math.floor(position);
      fraction[k] = position - below;
      for (int j = 0; j < d; j++) {
        lo[k * d + j] = below;
        hi[k * d + j] = Math.min(below + 1, n - 1);
      }
    }
    Shape shape = new Shape(m, d);
    NDArray loIndex = sorted.getManager().create(lo, shape).toDevice(sorted.getDevice(), false);
    NDArray hiIndex = sorted.getManager().create(hi, shape).toDevice(sorted.getDevice(), false);
    NDArray below = sorted.gather(loIndex, 0);
    NDArray above = sorted.gather(hiIndex, 0);
    NDArray weights = NdOps.constant(sorted, fraction, new Shape(m, 1));
    return below.add(above.sub(below).mul(weights));
  }
}
