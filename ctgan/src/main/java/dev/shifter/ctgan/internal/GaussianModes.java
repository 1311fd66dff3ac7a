package dev.shifter.ctgan.internal;

import dev.shifter.api.InvalidInputException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The modes of one continuous column: a finite Gaussian mixture with means, standard deviations and
 * weights (summing to 1), in a fixed order (a fit orders them by mean). The responsibilities of a value are the paper's
 * {@code rho_k = w_k N(v; mu_k, sigma_k)}, normalised over the modes.
 */
public final class GaussianModes {
  private final double[] means;
  private final double[] stds;
  private final double[] weights;
  private final double[] logScale;
  private final double[] inverseStd;

  /**
   * Creates the modes; the weights are renormalised to sum to 1.
   *
   * @param means the component means
   * @param stds the component standard deviations, positive
   * @param weights the component weights, non-negative with a positive sum
   * @throws InvalidInputException if the lengths differ, there is no component, or a value is out of range
   */
  public GaussianModes(double[] means, double[] stds, double[] weights) {
    int k = means.length;
    if (k == 0 || stds.length != k || weights.length != k) {
      throw new InvalidInputException("A mixture needs at least one component and as many means, stds and weights;"
          + " got " + means.length + ", " + stds.length + " and " + weights.length + ".");
    }
    double total = 0.0;
    for (int j = 0; j < k; j++) {
      if (!Double.isFinite(means[j]) || !(stds[j] > 0.0) || !Double.isFinite(stds[j])
          || !(weights[j] >= 0.0) || !Double.isFinite(weights[j])) {
        throw new InvalidInputException("Mixture component " + j + " is invalid (mean " + means[j] + ", std "
            + stds[j] + ", weight " + weights[j] + "): means must be finite, stds positive, weights >= 0.");
      }
      total += weights[j];
    }
    if (!(total > 0.0)) {
      throw new InvalidInputException("The mixture weights sum to " + total + "; at least one must be positive.");
    }
    this.means = means.clone();
    this.stds = stds.clone();
    this.weights = new double[k];
    this.logScale = new double[k];
    this.inverseStd = new double[k];
    for (int j = 0; j < k; j++) {
      this.weights[j] = weights[j] / total;
      this.logScale[j] = Math.log(this.weights[j]) - Math.log(stds[j]);
      this.inverseStd[j] = 1.0 / stds[j];
    }
  }

  /**
   * Returns the number of modes.
   *
   * @return K, at least 1
   */
  public int size() {
    return means.length;
  }

  /**
   * Returns the means.
   *
   * @return a copy of the K means
   */
  public double[] means() {
    return means.clone();
  }

  /**
   * Returns the standard deviations.
   *
   * @return a copy of the K standard deviations
   */
  public double[] stds() {
    return stds.clone();
  }

  /**
   * Returns the weights.
   *
   * @return a copy of the K weights, summing to 1
   */
  public double[] weights() {
    return weights.clone();
  }

  /**
   * Returns the mean of one mode without copying.
   *
   * @param k the mode
   * @return its mean
   */
  double mean(int k) {
    return means[k];
  }

  /**
   * Returns the standard deviation of one mode without copying.
   *
   * @param k the mode
   * @return its standard deviation
   */
  double std(int k) {
    return stds[k];
  }

  /**
   * Writes the responsibilities of one value into {@code out}.
   *
   * @param value a finite value
   * @param out K entries, overwritten with probabilities summing to 1
   */
  public void responsibilities(double value, double[] out) {
    int k = means.length;
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      double z = (value - means[j]) * inverseStd[j];
      double log = logScale[j] - 0.5 * z * z;
      out[j] = log;
      max = Math.max(max, log);
    }
    double sum = 0.0;
    for (int j = 0; j < k; j++) {
      double e = Math.exp(out[j] - max);
      out[j] = e;
      sum += e;
    }
    double inv = 1.0 / sum;
    for (int j = 0; j < k; j++) {
      out[j] *= inv;
    }
  }

  /**
   * Returns the responsibilities of many values.
   *
   * @param values finite values
   * @return {@code values.length * K} probabilities, row-major, each row summing to 1
   */
  public double[] responsibilities(double[] values) {
    int k = means.length;
    double[] out = new double[values.length * k];
    ChunkedRows.forEach(values.length, (c, from, to) -> {
      double[] row = new double[k];
      for (int i = from; i < to; i++) {
        responsibilities(values[i], row);
        System.arraycopy(row, 0, out, i * k, k);
      }
    });
    return out;
  }

  /**
   * Draws a mode for a value from its responsibilities.
   *
   * @param value a finite value
   * @param uniform a uniform draw in [0, 1)
   * @param scratch K entries of scratch space
   * @return the drawn mode
   */
  int drawMode(double value, double uniform, double[] scratch) {
    responsibilities(value, scratch);
    double cumulative = 0.0;
    int last = scratch.length - 1;
    for (int j = 0; j < last; j++) {
      cumulative += scratch[j];
      if (uniform < cumulative) {
        return j;
      }
    }
    return last;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof GaussianModes o && Arrays.equals(means, o.means) && Arrays.equals(stds, o.stds)
        && Arrays.equals(weights, o.weights);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(means) + Arrays.hashCode(stds)) + Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return "GaussianModes{means=" + Arrays.toString(means) + ", stds=" + Arrays.toString(stds) + ", weights="
        + Arrays.toString(weights) + "}";
  }
}
