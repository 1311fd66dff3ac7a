package dev.shifter.metafeatures.core.internal;

import ai.djl.ndarray.NDArray;
import org.jspecify.annotations.Nullable;

/**
 * The <em>safe path</em> for moments: columns shifted by their first row, rescaled to {@code |z| <= 1}
 * and centred twice, so that every intermediate is finite for any finite input and a constant column is
 * exactly zero. About six full passes over the matrix before the first moment, so
 * {@link ColumnStatistics} takes it only when the fast {@link CentredPowerSums} cannot vouch for its
 * result (a constant or nearly constant column, a single row, values whose powers overflow or underflow).
 *
 * <p><b>Numerics.</b> Each column is first shifted by its first row and divided by the largest absolute
 * shifted value (its <em>half-range scale</em> {@code c}, detached from the graph):
 * <pre>
 *   h = x / 2,   c = max_i |h_i - h_0|  (at least 1e-30),   z = (h - h_0) / c,   |z| &lt;= 1
 * </pre>
 * then centred twice (the corrected two-pass algorithm): {@code zc = (z - mean(z)) - mean(z - mean(z))}.
 * So {@code x - mean(x) = 2 c zc} exactly in real arithmetic.
 * <ul>
 *   <li>Shifting by a data value before anything else makes close values subtract exactly (Sterbenz),
 *       so columns whose values differ only in the 7th significant digit keep all their information;
 *       a constant column becomes exactly zero.</li>
 *   <li>Halving first and rescaling to {@code |z| <= 1} keeps every forward intermediate finite for any
 *       finite input: squares and fourth powers of values near {@code 1e30} never overflow in float32.
 *       Results that are not representable (a variance near {@code 1e60} in float32) saturate at the
 *       largest finite value of the data type. Backward, gradients in rescaled units are about
 *       {@code 2c} times the output gradient, so gradients stay finite while the column's range times
 *       the output gradient (times a small factor that grows with {@code n}) stays below that largest
 *       value: in float32, values near {@code 1e36} with a few rows and near {@code 1e30} with thousands
 *       of rows are tested.</li>
 *   <li>Because of the shift and the rescaling, a non-constant column (with a range above the scale
 *       floor) has scaled variance at least {@code 1/(2n)}. {@link #VARIANCE_EPSILON} ({@code 1e-24})
 *       is therefore negligible (relative effect below {@code 1e-18} for any realistic {@code n}) and
 *       only keeps square roots and divisions finite, with finite gradients, for constant columns.</li>
 *   <li>For pairs, the rows are processed in blocks (see {@link GramProduct}) so that float32
 *       correlations over many rows stay accurate to about {@code 2e-7}.</li>
 *   <li>The scale is detached: the features are invariant to it, so its gradient is zero anyway.</li>
 * </ul>
 */
final class RescaledColumns {
  /**
   * Added to a scaled variance before a square root or a division: {@value}. A non-constant column's
   * scaled variance is at least {@code 1/(2n)}, so the effect on it is far below float64 precision.
   */
  static final double VARIANCE_EPSILON = 1e-24;

  /** Smallest half-range scale, so that a constant column divides zero by a positive number: {@value}. */
  static final double SCALE_FLOOR = 1e-30;

  private final Workspace workspace;
  private final NDArray halfFirstRow;
  private final NDArray scale;
  private final NDArray scaledMean;
  private final NDArray centered;
  private @Nullable NDArray variance;
  private @Nullable NDArray standardized;
  private @Nullable NDArray covariance;

  RescaledColumns(Workspace workspace) {
    this.workspace = workspace;
    NDArray half = workspace.own(workspace.times(workspace.x(), 0.5));
    halfFirstRow = half.get(0);
    NDArray shifted = half.sub(halfFirstRow);
    scale = shifted.stopGradient().abs().max(new int[] {0}).maximum(SCALE_FLOOR);
    NDArray z = shifted.div(scale);
    NDArray firstMean = z.mean(new int[] {0});
    NDArray once = z.sub(firstMean);
    NDArray correction = once.mean(new int[] {0});
    centered = once.sub(correction);
    scaledMean = firstMean.add(correction);
  }

  /** Column means in data units, {@code 2 (h_0 + c mean(z))}. */
  NDArray mean() {
    return workspace.saturate(workspace.times(scaledMean.mul(scale).add(halfFirstRow), 2.0));
  }

  /** Sample variances (divisor {@code n - 1}, or 1 for one row) in data units, saturated. */
  NDArray variance() {
    return toDataUnits(scaledVariance(), 2);
  }

  /**
   * Sample standard deviations in data units, from {@code v / sqrt(v + eps)} of the scaled variance
   * {@code v}: exactly 0 when {@code v = 0}, with a finite gradient there (instead of the infinite slope
   * of {@code sqrt} at 0), and {@code sqrt(v)} to float64 precision otherwise.
   */
  NDArray standardDeviation() {
    NDArray v = scaledVariance();
    return toDataUnits(v.div(v.add(VARIANCE_EPSILON).sqrt()), 1);
  }

  /** Skewness {@code mean(u^3)} of the standardised columns {@code u}; 0 for a constant column. */
  NDArray skewness() {
    NDArray u = standardized();
    return u.square().mul(u).mean(new int[] {0});
  }

  /** Excess kurtosis {@code mean(u^4) - 3} of the standardised columns {@code u}; -3 for a constant column. */
  NDArray kurtosis() {
    return standardized().square().square().mean(new int[] {0}).sub(3.0);
  }

  /**
   * The {@code d x d} sample covariance matrix in data units: entry {@code (i, j)} of the scaled matrix
   * is multiplied by {@code 2 c_i} and by {@code 2 c_j}, one factor at a time, then saturated.
   */
  NDArray covariance() {
    NDArray c = scale;
    NDArray once = workspace.times(scaledCovariance().mul(c.reshape(workspace.columns(), 1)), 2.0);
    return workspace.saturate(workspace.times(once.mul(c), 2.0));
  }

  /**
   * The Pearson correlation matrix {@code r_ij = C_ij / (sqrt(C_ii + eps) sqrt(C_jj + eps))} from the
   * scaled covariance {@code C} and its own diagonal, so that the rounding of the matrix product largely
   * cancels. A constant column has correlation exactly 0 with every column. The two divisions are
   * separate so that no intermediate square of {@code sqrt(eps)} underflows.
   */
  NDArray correlation() {
    NDArray cov = scaledCovariance();
    NDArray norm = workspace.diagonal(cov).add(VARIANCE_EPSILON).sqrt();
    return cov.div(norm.reshape(workspace.columns(), 1)).div(norm);
  }

  private NDArray scaledVariance() {
    if (variance == null) {
      variance = workspace.over(centered.square().sum(new int[] {0}), workspace.sampleDivisor());
    }
    return variance;
  }

  private NDArray standardized() {
    if (standardized == null) {
      standardized = centered.div(scaledVariance().add(VARIANCE_EPSILON).sqrt());
    }
    return standardized;
  }

  private NDArray scaledCovariance() {
    if (covariance == null) {
      covariance = workspace.over(GramProduct.of(workspace, centered), workspace.sampleDivisor());
    }
    return covariance;
  }

  /** Multiplies by {@code (2c)^power} one factor at a time, so that an overflow saturates instead of NaN. */
  private NDArray toDataUnits(NDArray scaled, int power) {
    NDArray result = scaled;
    for (int i = 0; i < power; i++) {
      result = workspace.times(result.mul(scale), 2.0);
    }
    return workspace.saturate(result);
  }
}
