package dev.shifter.shift.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.TargetValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The I-projection of a batch of unshifted rows onto the targets: the entropy-balancing weights (closest
 * to uniform in Kullback-Leibler divergence) under which the rows have the target values, as
 * {@code generate --method tilt} computes them on a pool. The regularizers and the realism limits
 * measure the shifted rows against the rows so reweighted, the table closest to the generator's own
 * that has the targets, rather than against the unshifted rows themselves: a higher mean spend may
 * well need more rows of the segment that spends most.
 */
public final class TiltWeights {
  /** Weights whose effective sample size is below this share of the rows are not used. */
  private static final double LEAST_ESS_SHARE = 0.1;

  private TiltWeights() {}

  /**
   * Computes the weights.
   *
   * @param targets the values aimed at, one per entry
   * @param columns the continuous columns, in the order of {@code values}
   * @param values the unshifted rows' continuous values, row-major ({@code n x columns.size()})
   * @return weights summing to 1, or {@code null} when there are no targets, an entry's feature has no
   *     moment condition ({@link MomentConditions#SUPPORTED}), or the rows cannot be reweighted to the
   *     targets (entropy balancing does not converge, or the weights' effective sample size is below a
   *     tenth of the rows: then only moving rows reaches the targets)
   */
  public static double @Nullable [] of(List<TargetValue> targets, List<String> columns, float[] values) {
    if (targets.isEmpty() || columns.isEmpty()) {
      return null;
    }
    List<TargetSpec> specs = new ArrayList<>(targets.size());
    for (TargetValue target : targets) {
      if (!MomentConditions.SUPPORTED.contains(target.feature())) {
        return null;
      }
      specs.add(new TargetSpec(target.feature(), target.key(), target.value(), target.value()));
    }
    int d = columns.size();
    int n = values.length / d;
    if (n < 2) {
      return null;
    }
    double[][] pool = new double[d][n];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < d; c++) {
        pool[c][i] = values[i * d + c];
      }
    }
    EntropyBalancing.Solution solution;
    try {
      MomentConditions.Built conditions = MomentConditions.of(specs, columns, pool, n);
      solution = EntropyBalancing.solve(conditions.phi(), conditions.values());
    } catch (RuntimeException e) {
      return null;
    }
    if (!solution.converged() || solution.effectiveSampleSize() < LEAST_ESS_SHARE * n) {
      return null;
    }
    return solution.weights();
  }

  /**
   * Returns weights as an {@code n x 1} float32 column, to weigh the rows of a batch.
   *
   * @param manager the manager of the result
   * @param weights the weights
   * @return the column
   */
  public static NDArray column(NDManager manager, double[] weights) {
    float[] values = new float[weights.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) weights[i];
    }
    return manager.create(values, new Shape(values.length, 1));
  }

  /**
   * Returns uniform weights.
   *
   * @param n the number of rows
   * @return {@code n} weights of {@code 1 / n}
   */
  public static double[] uniform(int n) {
    double[] weights = new double[n];
    Arrays.fill(weights, 1.0 / n);
    return weights;
  }

  /**
   * Returns the weighted quantiles of values at the levels {@code (k + 0.5) / m}, {@code k < m}: the
   * reference a sorted batch of {@code m} shifted values is compared with (a 1-D Wasserstein distance).
   *
   * @param values the unshifted values of one column
   * @param weights their weights, summing to 1
   * @param m the number of levels
   * @return {@code m} values, ascending
   */
  public static float[] quantiles(float[] values, double[] weights, int m) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Float.compare(values[a], values[b]));
    float[] result = new float[m];
    double cumulative = 0;
    int next = 0;
    for (int k = 0; k < m; k++) {
      double level = (k + 0.5) / m;
      while (next < order.length - 1 && cumulative + weights[order[next]] < level) {
        cumulative += weights[order[next]];
        next++;
      }
      result[k] = values[order[next]];
    }
    return result;
  }
}
