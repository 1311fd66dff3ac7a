package dev.shifter.metafeatures.core.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
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

  /** How many temperatures from a value an edge still moves its soft assignment (see {@link #slope}). */
  private static final double CUTOFF = 40;

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
    return relaxed(column, column.stopGradient().toType(DataType.FLOAT64, false).toDoubleArray());
  }

  /**
   * The bins as a straight-through one-hot over a column whose values the caller already holds.
   *
   * @param column the {@code n x 1} column
   * @param values its values, as {@link #of} was given them
   * @return an {@code n x size} float32 array, exactly the hard one-hot forward
   */
  public NDArray relaxed(NDArray column, double[] values) {
    NDManager manager = column.getManager();
    NDArray hard = OneHot.of(manager, codes, size).toType(column.getDataType(), false);
    if (size == 1) {
      return hard;
    }
    int n = codes.length;
    NDArray slope = slope(manager, values, column.getDataType());
    NDArray x = column.reshape(n, 1);
    return hard.add(x.sub(x.stopGradient()).mul(slope));
  }

  /**
   * The derivative of {@link #soft} with respect to each row's value, {@code n x size}, without a graph, so
   * that the straight-through one-hot is {@code hard + (x - stopGradient(x)) * slope}: exactly the hard
   * one-hot forward and the soft assignment's gradient, with one {@code n x size} product in the autograd
   * graph instead of the soft assignment's half a dozen. Computed here, row by row, over the edges within
   * {@link #CUTOFF} temperatures of the value only (beyond, the sigmoid's derivative is below 1e-17 of its
   * peak, under a double's precision).
   */
  private NDArray slope(NDManager manager, double[] values, DataType type) {
    int n = values.length;
    double temperature = temperature();
    boolean single = type == DataType.FLOAT32;
    double[] slope = single ? new double[0] : new double[n * size];
    float[] slopeSingle = single ? new float[n * size] : new float[0];
    for (int r = 0; r < n; r++) {
      double x = values[r];
      int first = lowerBound(edges, x - CUTOFF * temperature);
      for (int j = first; j < edges.length; j++) {
        double a = (x - edges[j]) / temperature;
        if (a < -CUTOFF) {
          break;
        }
        double e = Math.exp(-Math.abs(a));
        double density = e / ((1 + e) * (1 + e)) / temperature;
        if (single) {
          slopeSingle[r * size + j + 1] += (float) density;
          slopeSingle[r * size + j] -= (float) density;
        } else {
          slope[r * size + j + 1] += density;
          slope[r * size + j] -= density;
        }
      }
    }
    Shape shape = new Shape(n, size);
    return single ? manager.create(slopeSingle, shape) : manager.create(slope, shape).toType(type, false);
  }

  private double temperature() {
    double gap = (edges[edges.length - 1] - edges[0]) / Math.max(1, edges.length - 1);
    return Math.max(1e-6, 0.25 * (gap > 0 ? gap : Math.abs(edges[0]) + 1));
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
    double temperature = temperature();
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
