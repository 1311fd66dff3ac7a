package dev.shifter.metafeatures.core.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.EngineScalars;
import java.util.Arrays;

/**
 * pymfe's discretisation of a numeric column for its information-theory features: {@code int(n^(1/3))}
 * equal-frequency bins, whose upper edges are the column's quantiles at {@code 1/k, 2/k, ..., 1} (numpy's
 * linear interpolation), edges closer than 1e-8 to the previous one dropped, a value going to the first bin
 * whose edge it does not exceed. Only the bins that hold a value are kept, as pymfe's contingency tables do.
 *
 * <p>{@link #relaxed} gives the bins as a straight-through one-hot: the hard bins forward, and backward the
 * gradient of a soft assignment, in which a value's share of bin {@code i} is
 * {@code sigmoid((x - e_{i-1}) / t) - sigmoid((x - e_i) / t)} for the edges {@code e} and a temperature
 * {@code t} of a quarter of the mean gap between edges.
 *
 * @param codes each row's bin, {@code 0 .. size - 1}
 * @param size the number of bins kept
 * @param edges the upper edges of the bins kept but the last
 */
public record EqualFrequencyBins(int[] codes, int size, double[] edges) {
  private static final double TOLERANCE = 1e-8;

  /**
   * Discretises a column.
   *
   * @param values the column's values, at least one
   * @return the bins
   */
  public static EqualFrequencyBins of(double[] values) {
    int n = values.length;
    int bins = Math.max(1, (int) Math.pow(n, 1.0 / 3));
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double[] divisions = new double[bins];
    for (int i = 0; i < bins; i++) {
      double q = (i + 1) / (double) bins;
      divisions[i] = quantile(sorted, q);
    }
    double[] kept = new double[bins];
    int count = 0;
    for (int i = 0; i < bins; i++) {
      // The quantiles are sorted, so an edge kept for its gap to the previous one is also unique (np.unique).
      if (i == 0 || divisions[i] - divisions[i - 1] > TOLERANCE) {
        kept[count++] = divisions[i];
      }
    }
    double[] cuts = Arrays.copyOf(kept, count);
    int[] raw = new int[n];
    boolean[] used = new boolean[cuts.length + 1];
    for (int r = 0; r < n; r++) {
      int bin = lowerBound(cuts, values[r]);
      raw[r] = bin;
      used[bin] = true;
    }
    int[] remap = new int[used.length];
    int size = 0;
    for (int b = 0; b < used.length; b++) {
      remap[b] = used[b] ? size++ : -1;
    }
    int[] codes = new int[n];
    for (int r = 0; r < n; r++) {
      codes[r] = remap[raw[r]];
    }
    double[] edges = new double[Math.max(0, size - 1)];
    int e = 0;
    for (int b = 0; b < cuts.length && e < edges.length; b++) {
      if (used[b]) {
        edges[e++] = cuts[b];
      }
    }
    return new EqualFrequencyBins(codes, size, edges);
  }

  /**
   * The bins as a straight-through one-hot over a column of a matrix.
   *
   * @param column the {@code n x 1} column (its gradient is what the relaxation carries)
   * @return an {@code n x size} float32 array, exactly the hard one-hot forward
   */
  public NDArray relaxed(NDArray column) {
    NDArray hard = OneHot.of(column.getManager(), codes, size).toType(column.getDataType(), false);
    if (size == 1) {
      return hard;
    }
    NDArray soft = soft(column);
    return hard.add(soft.sub(soft.stopGradient()));
  }

  /**
   * The soft assignment whose gradient {@link #relaxed} carries: each row's share of each bin, from the
   * sigmoids of its distance to the edges.
   *
   * @param column the {@code n x 1} column
   * @return an {@code n x size} array whose rows sum to 1
   */
  public NDArray soft(NDArray column) {
    NDManager manager = column.getManager();
    int n = codes.length;
    if (size == 1) {
      return manager.ones(new Shape(n, 1), column.getDataType());
    }
    double gap = (edges[edges.length - 1] - edges[0]) / Math.max(1, edges.length - 1);
    double temperature = Math.max(1e-6, 0.25 * (gap > 0 ? gap : Math.abs(edges[0]) + 1));
    NDArray edgeRow = manager.create(edges, new Shape(1, edges.length)).toType(column.getDataType(), false);
    NDArray distance = column.reshape(n, 1).sub(edgeRow);
    NDArray shifted = distance.div(EngineScalars.of(distance, temperature));
    NDArray denominator = shifted.neg().exp().add(1);
    NDArray above = EngineScalars.of(denominator, 1.0).div(denominator);
    NDArray ones = manager.ones(new Shape(n, 1), column.getDataType());
    NDArray zeros = manager.zeros(new Shape(n, 1), column.getDataType());
    return ones.concat(above, 1).sub(above.concat(zeros, 1));
  }

  private static double quantile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(sorted.length - 1, below + 1);
    double fraction = position - below;
    return sorted[below] + (sorted[above] - sorted[below]) * fraction;
  }

  /** The number of cuts strictly below {@code x}: numpy's {@code digitize(x, cuts, right=True)}. */
  private static int lowerBound(double[] cuts, double x) {
    int low = 0;
    int high = cuts.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cuts[mid] < x) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
