package dev.shifter.shift.internal;

/**
 * Maximum-entropy weights for moment conditions (entropy balancing, Hainmueller 2012): the weights
 * {@code w_i proportional to exp(lambda . phi_i)} closest to uniform in Kullback-Leibler divergence such
 * that {@code sum_i w_i phi_i = c}. The dual, {@code log sum_i exp(lambda . phi_i) - lambda . c}, is
 * convex; Newton's method with a backtracking line search minimises it, on conditions standardised
 * by their pool mean and standard deviation. Double precision throughout.
 */
public final class EntropyBalancing {
  private static final int MAX_ITERATIONS = 200;
  /** The residual, in pool standard deviations, at which Newton's method stops. */
  private static final double TOLERANCE = 1e-9;
  /** The residual up to which the conditions count as met (float data do not allow better everywhere). */
  private static final double MET = 1e-6;
  private static final double RIDGE = 1e-12;

  private EntropyBalancing() {}

  /**
   * The solution.
   *
   * @param weights the weights, summing to 1
   * @param residual the largest remaining {@code |sum_i w_i phi_i - c|}, in pool standard deviations of
   *     its condition
   * @param converged whether the conditions are met: the residual is at most 1e-6
   * @param iterations the Newton steps taken
   */
  public record Solution(double[] weights, double residual, boolean converged, int iterations) {
    /**
     * Returns the effective sample size {@code 1 / sum w_i^2} of the weights.
     *
     * @return between 1 and the number of rows
     */
    public double effectiveSampleSize() {
      double squares = 0;
      for (double w : weights) {
        squares += w * w;
      }
      return 1 / squares;
    }
  }

  /**
   * Solves for the weights.
   *
   * @param phi the conditions' functions, {@code phi[j][i]} for condition {@code j} and row {@code i}
   * @param c the conditions' values
   * @return the weights and how well they meet the conditions
   */
  public static Solution solve(double[][] phi, double[] c) {
    int k = phi.length;
    int n = phi[0].length;
    double[][] standard = new double[k][n];
    double[] target = new double[k];
    for (int j = 0; j < k; j++) {
      double mean = 0;
      for (double v : phi[j]) {
        mean += v;
      }
      mean /= n;
      double squares = 0;
      for (double v : phi[j]) {
        squares += (v - mean) * (v - mean);
      }
      double sd = Math.sqrt(squares / n);
      double scale = sd > 0 ? sd : 1;
      for (int i = 0; i < n; i++) {
        standard[j][i] = (phi[j][i] - mean) / scale;
      }
      target[j] = (c[j] - mean) / scale;
    }
    double[] lambda = new double[k];
    double[] weights = weights(standard, lambda);
    double value = dual(standard, target, lambda);
    int iteration = 0;
    double residual = residual(standard, target, weights);
    while (residual > TOLERANCE && iteration < MAX_ITERATIONS) {
      iteration++;
      double[] gradient = new double[k];
      double[] means = new double[k];
      for (int j = 0; j < k; j++) {
        for (int i = 0; i < n; i++) {
          means[j] += weights[i] * standard[j][i];
        }
        gradient[j] = means[j] - target[j];
      }
      double[][] hessian = new double[k][k];
      for (int a = 0; a < k; a++) {
        for (int b = a; b < k; b++) {
          double sum = 0;
          for (int i = 0; i < n; i++) {
            sum += weights[i] * standard[a][i] * standard[b][i];
          }
          hessian[a][b] = sum - means[a] * means[b];
          hessian[b][a] = hessian[a][b];
        }
        hessian[a][a] += RIDGE;
      }
      double[] step = solveLinear(hessian, gradient);
      double size = 1;
      double[] next = new double[k];
      double nextValue = Double.POSITIVE_INFINITY;
      double slope = 0;
      for (int j = 0; j < k; j++) {
        slope += gradient[j] * step[j];
      }
      while (size > 1e-12) {
        for (int j = 0; j < k; j++) {
          next[j] = lambda[j] - size * step[j];
        }
        nextValue = dual(standard, target, next);
        if (nextValue <= value - 1e-4 * size * slope) {
          break;
        }
        size /= 2;
      }
      if (!(nextValue < value)) {
        break;
      }
      lambda = next.clone();
      value = nextValue;
      weights = weights(standard, lambda);
      residual = residual(standard, target, weights);
    }
    return new Solution(weights, residual, residual <= MET, iteration);
  }

  private static double[] weights(double[][] phi, double[] lambda) {
    int n = phi[0].length;
    double[] logits = new double[n];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int j = 0; j < lambda.length; j++) {
        sum += lambda[j] * phi[j][i];
      }
      logits[i] = sum;
      max = Math.max(max, sum);
    }
    double total = 0;
    for (int i = 0; i < n; i++) {
      logits[i] = Math.exp(logits[i] - max);
      total += logits[i];
    }
    for (int i = 0; i < n; i++) {
      logits[i] /= total;
    }
    return logits;
  }

  private static double dual(double[][] phi, double[] target, double[] lambda) {
    int n = phi[0].length;
    double max = Double.NEGATIVE_INFINITY;
    double[] logits = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int j = 0; j < lambda.length; j++) {
        sum += lambda[j] * phi[j][i];
      }
      logits[i] = sum;
      max = Math.max(max, sum);
    }
    double total = 0;
    for (double logit : logits) {
      total += Math.exp(logit - max);
    }
    double linear = 0;
    for (int j = 0; j < lambda.length; j++) {
      linear += lambda[j] * target[j];
    }
    return max + Math.log(total) - Math.log(n) - linear;
  }

  private static double residual(double[][] phi, double[] target, double[] weights) {
    double worst = 0;
    for (int j = 0; j < phi.length; j++) {
      double mean = 0;
      for (int i = 0; i < weights.length; i++) {
        mean += weights[i] * phi[j][i];
      }
      worst = Math.max(worst, Math.abs(mean - target[j]));
    }
    return worst;
  }

  /** Solves {@code a x = b} by Gaussian elimination with partial pivoting; {@code a} is small. */
  private static double[] solveLinear(double[][] a, double[] b) {
    int k = b.length;
    double[][] m = new double[k][k + 1];
    for (int r = 0; r < k; r++) {
      System.arraycopy(a[r], 0, m[r], 0, k);
      m[r][k] = b[r];
    }
    for (int col = 0; col < k; col++) {
      int pivot = col;
      for (int r = col + 1; r < k; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      double[] swap = m[col];
      m[col] = m[pivot];
      m[pivot] = swap;
      double diagonal = m[col][col];
      if (Math.abs(diagonal) < 1e-300) {
        continue;
      }
      for (int r = 0; r < k; r++) {
        if (r != col) {
          double factor = m[r][col] / diagonal;
          for (int c2 = col; c2 <= k; c2++) {
            m[r][c2] -= factor * m[col][c2];
          }
        }
      }
    }
    double[] x = new double[k];
    for (int r = 0; r < k; r++) {
      x[r] = Math.abs(m[r][r]) < 1e-300 ? 0 : m[r][k] / m[r][r];
    }
    return x;
  }
}
