package dev.shifter.metafeatures.core.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.InvalidInputException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One meta-feature computation on an {@code n x d} matrix {@code x}: column statistics in data units,
 * every operation batched over all columns, each taken by a fast path when that is accurate for this
 * input and by a safe path otherwise.
 *
 * <p><b>Fast and safe paths.</b> On a {@code 1,000,000 x 16} float32 matrix every elementwise operation
 * reads and writes 64 MB, so the cost of a feature is the number of full passes it makes.
 * <ul>
 *   <li>Mean: {@code x.sum(0) / n} (one read; PyTorch sums float32 in cascade, so it is accurate). Only
 *       if the sum overflows (values near the largest float) does it fall back to the safe path.</li>
 *   <li>Moments, covariances and correlations: {@link CentredPowerSums} (centre once at the float mean,
 *       blocked matrix products and column sums for the power sums, exact correction for the rounding
 *       of the mean), checked on the host from a few {@code d}-sized arrays. A constant or nearly constant column, a
 *       single row, or values whose squares (or, for skewness and kurtosis, cubes and fourth powers)
 *       leave the data type's range go to {@link RescaledColumns} (shift by the first row, rescale,
 *       centre twice), which keeps every documented degenerate-input guarantee. One such column sends
 *       the whole matrix to the safe path.</li>
 *   <li>Quantiles: {@link OrderStatistics}, selection in {@code O(n)} instead of a sort.</li>
 * </ul>
 * Both paths give the same values up to rounding and the same gradients. Measured on that matrix with
 * two threads, the fast path takes 2 to 4 times less time than the safe one, the selection about 5
 * times less than the sort it replaces.
 *
 * <p>All intermediate arrays live in a sub-manager of {@code x}'s manager and are closed with this
 * object; autograd keeps what it needs for the backward pass. {@link #keep(NDArray)} moves a result to
 * {@code x}'s manager before closing. Not thread-safe: one instance per call.
 */
public final class ColumnStatistics implements AutoCloseable {
  private final Workspace workspace;
  private @Nullable CentredPowerSums fast;
  private @Nullable RescaledColumns safe;

  private ColumnStatistics(Workspace workspace) {
    this.workspace = workspace;
  }

  /**
   * Checks {@code x} and opens a workspace for it.
   *
   * @param x an {@code n x d} float32 or float64 matrix with {@code n >= 1} and {@code d >= 1}
   * @param featureName the calling feature's name, for error messages
   * @return the workspace; close it
   * @throws InvalidInputException if {@code x} is not such a matrix
   */
  public static ColumnStatistics of(NDArray x, String featureName) {
    Shape shape = x.getShape();
    if (shape.dimension() != 2 || shape.get(0) < 1 || shape.get(1) < 1) {
      throw new InvalidInputException("Meta-feature '" + featureName + "' needs an n x d matrix with n >= 1 rows "
          + "and d >= 1 columns, got shape " + shape + ". Pass one row per record and one column per "
          + "continuous variable.");
    }
    DataType type = x.getDataType();
    if (type != DataType.FLOAT32 && type != DataType.FLOAT64) {
      throw new InvalidInputException("Meta-feature '" + featureName + "' needs a float32 or float64 matrix, got "
          + type + ". Convert it with x.toType(DataType.FLOAT32, false).");
    }
    return new ColumnStatistics(new Workspace(x, Math.toIntExact(shape.get(0)), Math.toIntExact(shape.get(1))));
  }

  /**
   * Returns the number of rows {@code n}.
   *
   * @return {@code n}
   */
  public int rows() {
    return workspace.rows();
  }

  /**
   * Returns the column means: {@code x.sum(0) / n}, or the safe path's {@code x_0 + mean(x - x_0)} on
   * rescaled columns if that sum overflows. The gradient is {@code 1/n} for every entry. (A sum, not
   * {@code mean}: PyTorch's backward of {@code mean} writes a full {@code n x d} gradient, that of a sum
   * followed by a division of the {@code d} results is a broadcast view, one pass less.)
   *
   * @return a vector of length {@code d}
   */
  public NDArray mean() {
    NDArray mean = workspace.over(workspace.own(workspace.x().sum(new int[] {0})), workspace.rows());
    return allFinite(mean) ? mean : safe().mean();
  }

  /**
   * Returns the sample variances (divisor {@code n - 1}; 0 for a single row), saturated at the data
   * type's largest finite value.
   *
   * @return a vector of length {@code d}
   */
  public NDArray variance() {
    return fastPathFor(2) ? fast().variance() : safe().variance();
  }

  /**
   * Returns the sample standard deviations (ddof = 1); exactly 0, with gradient 0, for a constant column.
   *
   * @return a vector of length {@code d}
   */
  public NDArray standardDeviation() {
    return fastPathFor(2) ? fast().standardDeviation() : safe().standardDeviation();
  }

  /**
   * Returns the skewness {@code m3 / s^3} ({@code s} with ddof = 1); 0 for a constant column.
   *
   * @return a vector of length {@code d}
   */
  public NDArray skewness() {
    return fastPathFor(3) ? fast().skewness() : safe().skewness();
  }

  /**
   * Returns the excess kurtosis {@code m4 / s^4 - 3} ({@code s} with ddof = 1); -3 for a constant column.
   *
   * @return a vector of length {@code d}
   */
  public NDArray kurtosis() {
    return fastPathFor(4) ? fast().kurtosis() : safe().kurtosis();
  }

  /**
   * Returns the {@code d x d} sample covariance matrix (ddof = 1), saturated at the data type's largest
   * finite value.
   *
   * @return the {@code d x d} matrix
   */
  public NDArray covariance() {
    return fastPathForPairs() ? fast().covariance() : safe().covariance();
  }

  /**
   * Returns the Pearson correlation matrix; a constant column has correlation exactly 0 with every column.
   *
   * @return the {@code d x d} matrix, entries in about {@code [-1, 1]}
   */
  public NDArray correlation() {
    return fastPathForPairs() ? fast().correlation() : safe().correlation();
  }

  /**
   * Returns, for each quantile, the two order statistics of every column that it interpolates between,
   * selected in {@code O(n)} (see {@link OrderStatistics}). Autograd flows to the chosen entries.
   *
   * @param positions the quantiles' positions, for {@link #rows()} rows
   * @return the lower and upper order statistics of each quantile, in order
   */
  public List<Bracket> orderStatistics(QuantilePosition... positions) {
    return OrderStatistics.around(workspace, List.of(positions));
  }

  /**
   * Gathers the strict upper triangle of a {@code d x d} matrix in pair order (0,1), (0,2), ...,
   * (0,d-1), (1,2), ... with one indexing operation.
   *
   * @param matrix a {@code d x d} matrix
   * @return a vector of length {@code d(d-1)/2}
   */
  public NDArray upperTriangle(NDArray matrix) {
    NDArray index = workspace.indices(PairIndex.flatUpperTriangle(workspace.columns()));
    return matrix.reshape(-1).get(new NDIndex("{}", index));
  }

  /**
   * Returns {@code a * factor}. Use this, never {@code a.mul(double)}, on an array with a graph: DJL's
   * PyTorch engine lends the number from a JVM buffer that a garbage collection may free before the
   * backward pass, which then reads garbage (see {@link Workspace}).
   *
   * @param a the array
   * @param factor the factor
   * @return the product
   */
  public NDArray times(NDArray a, double factor) {
    return workspace.times(a, factor);
  }

  /**
   * Clamps an array to the finite range of the input's data type: a result too large for float32
   * becomes {@code Float.MAX_VALUE} (with a zero gradient) instead of infinity.
   *
   * @param a the array
   * @return {@code a} clipped to {@code [-max, max]}
   */
  public NDArray saturate(NDArray a) {
    return workspace.saturate(a);
  }

  /**
   * Moves a result out of this workspace into {@code x}'s manager, so that it survives {@link #close()}.
   *
   * @param result the feature's value
   * @return {@code result}
   */
  public NDArray keep(NDArray result) {
    return workspace.keep(result);
  }

  /** Closes every intermediate array (not {@code x}, not kept results). */
  @Override
  public void close() {
    workspace.close();
  }

  private boolean fastPathFor(int order) {
    return safe == null && fast().supports(order);
  }

  private boolean fastPathForPairs() {
    return safe == null && fast().supportsPairs();
  }

  private CentredPowerSums fast() {
    if (fast == null) {
      fast = new CentredPowerSums(workspace);
    }
    return fast;
  }

  private RescaledColumns safe() {
    if (safe == null) {
      safe = new RescaledColumns(workspace);
    }
    return safe;
  }

  private boolean allFinite(NDArray small) {
    for (double v : workspace.toHost(small)) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }
}
