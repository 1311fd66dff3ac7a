package dev.shifter.metafeatures.core.internal;

import ai.djl.ndarray.NDArray;
import org.jspecify.annotations.Nullable;

/**
 * The <em>fast path</em> for moments: power sums of the columns about their (rounded) mean, with the
 * exact algebraic correction for the rounding of that mean: a read for the mean, one subtraction, a
 * read for the rounding offset, then one or two reads (matrix products) for (co)variances and one
 * multiplication and read per higher power.
 *
 * <p><b>Numerics.</b> With {@code m} the float column mean ({@code x.mean(0)}, a cascaded sum) and
 * {@code xc = x - m}, the cross products {@code xc^T xc} are a blocked matrix product (see
 * {@link GramProduct}; for pairs, and for {@code S2} when there are few columns), the power sums
 * {@code S_k = sum(xc^k)} ({@code k = 3, 4}, and {@code 2} for many columns) cascaded column sums of
 * elementwise products, and {@code c = mean(xc)} is the rounding error of {@code m} seen from the
 * data. The central moments are then exact identities, whatever {@code m} is:
 * <pre>
 *   sum((x - mean)^2) = S2 - n c^2
 *   n m3 = S3 - 3 c S2 + 2 n c^3
 *   n m4 = S4 - 4 c S3 + 6 c^2 S2 - 3 n c^4
 *   sum((x_i - mean_i)(x_j - mean_j)) = (xc^T xc)_ij - n c_i c_j
 * </pre>
 * Each {@code xc} is the exactly rounded difference {@code x - m} (exact where {@code x} and {@code m}
 * are within a factor 2), so the sums carry relative errors of a few units in the last place, and the
 * corrections are small as long as {@code c} is small against the spread. Because the results do not
 * depend on {@code m}, {@code m} is detached from the graph: the gradient flows through {@code xc} and
 * {@code c} and is exact, without the backward pass of a mean.
 *
 * <p><b>Gradients.</b> {@code xc^2} is computed once, as {@code detach(xc) * xc}; {@code xc^3} and
 * {@code xc^4} are {@code detach(xc^2)} times {@code xc} and {@code xc^2}. Each product has one factor
 * on the graph, so its backward pass is one multiplication, and {@code sum(xc^k)} gets its gradient
 * {@code k xc^(k-1)} by adding {@code k - 1} zero-valued copies of the sum's own graph (see
 * {@link #columnSums(Workspace, NDArray, int)}): no power, no saved intermediate beyond the factors.
 *
 * <p><b>When it is trusted</b> ({@link #supports(int)}, {@link #supportsPairs()}; decided on the host
 * from a few {@code d}-sized arrays, so the slow path costs nothing unless needed): every sum is finite
 * (so no square, cube or fourth power overflowed); every column's sample variance {@code v} is at least
 * {@code (64 eps |m|)^2} (the spread is large against the rounding unit {@code eps} of the mean, so
 * {@code c} is tiny and a constant column, whose variance would be rounding noise, is excluded) and at
 * least {@code 2^12 sqrt(MIN_NORMAL)} of the data type (so squares of typical deviations, and for
 * {@code k = 3, 4} their cubes and fourth powers, stay far from underflow); for {@code k = 3, 4} also
 * {@code v <= 2^-12 sqrt(MAX)} (so {@code v^2} is finite). A single row (variance 0) fails too. Anything
 * else goes to {@link RescaledColumns}.
 */
final class CentredPowerSums {
  /** Smallest standard deviation, in rounding units of the column mean, that the fast path accepts: {@value}. */
  static final double MIN_SPREAD_IN_ROUNDING_UNITS = 64;

  /** Safety margin (a power of two) from the data type's underflow and overflow thresholds: {@value}. */
  static final double RANGE_MARGIN = 0x1p12;

  /** Most columns for which the sums of squares come from the Gram matrix: {@value}. */
  static final int MAX_COLUMNS_FOR_GRAM = 32;

  private final Workspace workspace;
  private final NDArray centred;
  private final NDArray offset;
  private final double[] hostMean;
  private final double[] hostOffset;
  private @Nullable NDArray squares;
  private @Nullable NDArray squareSums;
  private @Nullable NDArray cubeSums;
  private @Nullable NDArray fourthSums;
  private @Nullable NDArray gram;

  CentredPowerSums(Workspace workspace) {
    this.workspace = workspace;
    NDArray x = workspace.x();
    NDArray centre = workspace.own(x.stopGradient()).mean(new int[] {0});
    centred = workspace.own(x.sub(centre));
    offset = workspace.over(centred.sum(new int[] {0}), workspace.rows());
    hostMean = workspace.toHost(centre);
    hostOffset = workspace.toHost(offset);
  }

  /**
   * Whether the fast path is accurate for per-column moments up to {@code order} on this input; computes
   * the power sums that order needs (once).
   *
   * @param order 2 for variances, 3 for skewness, 4 for kurtosis
   * @return true to use this object's results
   */
  boolean supports(int order) {
    double[] variance = hostVariance(workspace.toHost(squareSums()));
    if (variance.length == 0) {
      return false;
    }
    if (order <= 2) {
      return true;
    }
    double ceiling = Math.sqrt(workspace.isDouble() ? Double.MAX_VALUE : Float.MAX_VALUE) / RANGE_MARGIN;
    for (double v : variance) {
      if (v > ceiling) {
        return false;
      }
    }
    return allFinite(workspace.toHost(cubeSums())) && (order < 4 || allFinite(workspace.toHost(fourthSums())));
  }

  /**
   * Whether the fast path is accurate for covariances and correlations on this input; computes the
   * matrix of cross products (once), whose diagonal stands in for the per-column sums of squares.
   *
   * @return true to use this object's {@link #covariance()} and {@link #correlation()}
   */
  boolean supportsPairs() {
    double[] cross = workspace.toHost(gram());
    int d = workspace.columns();
    double[] diagonal = new double[d];
    for (int j = 0; j < d; j++) {
      diagonal[j] = cross[j * d + j];
    }
    return allFinite(cross) && hostVariance(diagonal).length > 0;
  }

  /** Sample variances (divisor {@code n - 1}). */
  NDArray variance() {
    return workspace.over(centredSquares(squareSums()), workspace.sampleDivisor());
  }

  /** Sample standard deviations; the variance is positive on this path, so the square root is smooth. */
  NDArray standardDeviation() {
    return variance().sqrt();
  }

  /** The {@code d x d} sample covariance matrix, from the blocked cross products. */
  NDArray covariance() {
    NDArray scaledOffset = workspace.times(offset, workspace.rows());
    NDArray cross = gram().sub(offset.reshape(workspace.columns(), 1).mul(scaledOffset));
    return workspace.over(cross, workspace.sampleDivisor());
  }

  /** The Pearson correlation matrix, the covariance divided by both standard deviations in turn. */
  NDArray correlation() {
    NDArray cov = covariance();
    NDArray sd = workspace.over(centredSquares(workspace.diagonal(gram())), workspace.sampleDivisor()).sqrt();
    return cov.div(sd.reshape(workspace.columns(), 1)).div(sd);
  }

  /** Skewness {@code m3 / s^3} with the ddof = 1 standard deviation {@code s}. */
  NDArray skewness() {
    int n = workspace.rows();
    NDArray c = offset;
    NDArray sum = cubeSums().sub(workspace.times(c.mul(squareSums()), 3.0))
        .add(workspace.times(c.mul(c).mul(c), 2.0 * n));
    NDArray m3 = workspace.over(sum, n);
    NDArray v = variance();
    return m3.div(v.mul(v.sqrt()));
  }

  /** Excess kurtosis {@code m4 / s^4 - 3} with the ddof = 1 standard deviation {@code s}. */
  NDArray kurtosis() {
    int n = workspace.rows();
    NDArray c = offset;
    NDArray cc = c.mul(c);
    NDArray sum = fourthSums().sub(workspace.times(c.mul(cubeSums()), 4.0))
        .add(workspace.times(cc.mul(squareSums()), 6.0)).sub(workspace.times(cc.mul(cc), 3.0 * n));
    NDArray m4 = workspace.over(sum, n);
    NDArray v = variance();
    return m4.div(v).div(v).sub(3.0);
  }

  /** {@code S2 - n c^2}: the sum of squared deviations from the exact mean. */
  private NDArray centredSquares(NDArray s2) {
    return s2.sub(workspace.times(offset.mul(offset), workspace.rows()));
  }

  /**
   * The sample variances on the host from sums of squares about {@code m}, or an empty array if any
   * column fails the checks of the class description (not finite, spread too small against the
   * rounding of the mean or against the data type's underflow).
   */
  private double[] hostVariance(double[] s2) {
    int d = workspace.columns();
    if (!(allFinite(hostMean) && allFinite(hostOffset) && allFinite(s2))) {
      return new double[0];
    }
    double eps = workspace.isDouble() ? Math.ulp(1.0) : Math.ulp(1.0f);
    double floor = RANGE_MARGIN * Math.sqrt(workspace.isDouble() ? Double.MIN_NORMAL : Float.MIN_NORMAL);
    double[] variance = new double[d];
    for (int j = 0; j < d; j++) {
      variance[j] = (s2[j] - workspace.rows() * hostOffset[j] * hostOffset[j]) / workspace.sampleDivisor();
      double rounding = MIN_SPREAD_IN_ROUNDING_UNITS * eps * Math.abs(hostMean[j]);
      if (!(variance[j] >= floor && variance[j] >= rounding * rounding)) {
        return new double[0];
      }
    }
    return variance;
  }

  /** {@code xc^2} as {@code detach(xc) * xc}: the gradient towards {@code xc} is {@code xc}. */
  private NDArray squares() {
    if (squares == null) {
      squares = centred.stopGradient().mul(centred);
    }
    return squares;
  }

  /**
   * {@code sum(xc^2)}, with the gradient {@code 2 xc}: for up to {@value #MAX_COLUMNS_FOR_GRAM} columns the
   * diagonal of the blocked {@code xc^T xc} (its {@code d^2} products are cheap there, and it allocates
   * no {@code n x d} intermediate), otherwise a column sum of {@code xc^2}.
   */
  private NDArray squareSums() {
    if (squareSums == null) {
      squareSums = workspace.columns() <= MAX_COLUMNS_FOR_GRAM
          ? workspace.diagonal(gram())
          : columnSums(workspace, squares(), 2);
    }
    return squareSums;
  }

  /** {@code sum(xc^3)}, with the gradient {@code 3 xc^2}. */
  private NDArray cubeSums() {
    if (cubeSums == null) {
      cubeSums = columnSums(workspace, squares().stopGradient().mul(centred), 3);
    }
    return cubeSums;
  }

  /** {@code sum(xc^4)}, with the gradient {@code 4 xc^3}. */
  private NDArray fourthSums() {
    if (fourthSums == null) {
      fourthSums = columnSums(workspace, squares().stopGradient().mul(squares()), 4);
    }
    return fourthSums;
  }

  private NDArray gram() {
    if (gram == null) {
      gram = GramProduct.of(workspace, centred);
    }
    return gram;
  }

  /**
   * The column sums of {@code products = xc^(power-1) (detached) * xc^(1)} (on the graph through one
   * factor only), with the gradient of {@code sum(xc^power)}: the sum's own gradient is
   * {@code xc^(power-1)}, so {@code power - 1} more copies of it are added, with a value of exactly 0.
   */
  private static NDArray columnSums(Workspace workspace, NDArray products, int power) {
    NDArray sums = products.sum(new int[] {0});
    return sums.add(workspace.times(sums.sub(sums.stopGradient()), power - 1));
  }

  private static boolean allFinite(double[] values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }
}
