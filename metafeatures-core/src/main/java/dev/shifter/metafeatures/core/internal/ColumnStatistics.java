package dev.shifter.metafeatures.core.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The workspace of one meta-feature computation on an {@code n x d} matrix {@code x}: the columns
 * shifted, rescaled and centred once, with every operation batched over all columns.
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
 *       largest finite value of the data type, see {@link #saturate(NDArray)}. Backward, gradients in
 *       rescaled units are about {@code 2c} times the output gradient, so gradients stay finite while
 *       the column's range times the output gradient (times a small factor that grows with {@code n})
 *       stays below that largest value: in float32, values near {@code 1e36} with a few rows and near
 *       {@code 1e30} with thousands of rows are tested.</li>
 *   <li>Because of the shift and the rescaling, a non-constant column (with a range above the scale
 *       floor) has scaled variance at least {@code 1/(2n)}. {@link #VARIANCE_EPSILON} ({@code 1e-24})
 *       is therefore negligible (relative effect below {@code 1e-18} for any realistic {@code n}) and
 *       only keeps square roots and divisions finite, with finite gradients, for constant columns.</li>
 *   <li>For pairs, the rows are processed in blocks (see {@link #gram(NDArray)}) so that float32
 *       correlations over tens of thousands of rows stay accurate to about {@code 2e-7}.</li>
 *   <li>The scale is detached: the features are invariant to it, so its gradient is zero anyway.</li>
 * </ul>
 *
 * <p>All intermediate arrays live in a sub-manager of {@code x}'s manager and are closed with this
 * object; autograd keeps what it needs for the backward pass. {@link #keep(NDArray)} moves a result to
 * {@code x}'s manager before closing. Not thread-safe: one instance per call.
 */
public final class ColumnStatistics implements AutoCloseable {
  /**
   * Added to a scaled variance before a square root or a division: {@value}. A non-constant column's
   * scaled variance is at least {@code 1/(2n)}, so the effect on it is far below float64 precision.
   */
  public static final double VARIANCE_EPSILON = 1e-24;

  /** Smallest half-range scale, so that a constant column divides zero by a positive number: {@value}. */
  public static final double SCALE_FLOOR = 1e-30;

  /** Rows per block of the blocked matrix product in {@link #gram(NDArray)}: {@value}. */
  public static final int GRAM_BLOCK_ROWS = 256;

  private final NDArray x;
  private final NDManager owner;
  private final NDManager scope;
  private final int rows;
  private final int columns;
  private @Nullable NDArray halfFirstRow;
  private @Nullable NDArray scale;
  private @Nullable NDArray scaledMean;
  private @Nullable NDArray centered;
  private @Nullable NDArray variance;
  private @Nullable NDArray standardized;
  private @Nullable NDArray covariance;
  private @Nullable NDArray sorted;

  private ColumnStatistics(NDArray x, int rows, int columns) {
    this.x = x;
    this.owner = x.getManager();
    this.scope = owner.newSubManager();
    this.rows = rows;
    this.columns = columns;
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
    return new ColumnStatistics(x, Math.toIntExact(shape.get(0)), Math.toIntExact(shape.get(1)));
  }

  /**
   * Returns the number of rows {@code n}.
   *
   * @return {@code n}
   */
  public int rows() {
    return rows;
  }

  /**
   * Returns the number of columns {@code d}.
   *
   * @return {@code d}
   */
  public int columns() {
    return columns;
  }

  /**
   * Returns the divisor of sample (co)variances, {@code n - 1}, or 1 when {@code n = 1} (so that a
   * single row has variance 0 rather than 0/0).
   *
   * @return {@code max(n - 1, 1)}
   */
  public int sampleDivisor() {
    return Math.max(rows - 1, 1);
  }

  /**
   * Returns the column means in data units, {@code 2 (h_0 + c mean(z))}.
   *
   * @return a vector of length {@code d}
   */
  public NDArray mean() {
    NDArray c = scale();
    return saturate(requireComputed(scaledMean).mul(c).add(requireComputed(halfFirstRow)).mul(2.0));
  }

  /**
   * Returns the centred, rescaled columns {@code zc}, with {@code x - mean(x) = 2 c zc}.
   *
   * @return an {@code n x d} matrix with entries in about {@code [-2, 2]}
   */
  public NDArray centered() {
    if (centered == null) {
      NDArray half = own(x.mul(0.5));
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
    return centered;
  }

  /**
   * Returns the sample variance (divisor {@code n - 1}) of the rescaled columns; the variance in data
   * units is {@code 4 c^2} times this.
   *
   * @return a vector of length {@code d}, 0 for constant columns and for {@code n = 1}
   */
  public NDArray scaledVariance() {
    if (variance == null) {
      variance = centered().square().sum(new int[] {0}).div(sampleDivisor());
    }
    return variance;
  }

  /**
   * Returns the sample standard deviation of the rescaled columns, {@code v / sqrt(v + eps)}: exactly 0
   * when {@code v = 0}, with a finite gradient there (instead of the infinite slope of {@code sqrt} at
   * 0), and {@code sqrt(v) (1 - eps / (2v))}, i.e. {@code sqrt(v)} to float64 precision, otherwise.
   *
   * @return a vector of length {@code d}
   */
  public NDArray scaledStandardDeviation() {
    NDArray v = scaledVariance();
    return v.div(v.add(VARIANCE_EPSILON).sqrt());
  }

  /**
   * Returns the standardised columns {@code u = zc / sqrt(v + eps)}, i.e. {@code (x - mean) / s} with the
   * {@code ddof = 1} standard deviation {@code s}. A constant column gives exactly 0.
   *
   * @return an {@code n x d} matrix with {@code |u| <= sqrt(n - 1)}
   */
  public NDArray standardized() {
    if (standardized == null) {
      standardized = centered().div(scaledVariance().add(VARIANCE_EPSILON).sqrt());
    }
    return standardized;
  }

  /**
   * Converts a per-column vector from rescaled units to data units: multiplies it by {@code (2c)^power},
   * one factor at a time so that an overflow saturates (see {@link #saturate(NDArray)}) instead of
   * turning into NaN.
   *
   * @param scaled a vector of length {@code d} in rescaled units
   * @param power 1 for a standard deviation, 2 for a variance
   * @return the vector in data units
   */
  public NDArray toDataUnits(NDArray scaled, int power) {
    NDArray result = scaled;
    NDArray c = scale();
    for (int i = 0; i < power; i++) {
      result = result.mul(c).mul(2.0);
    }
    return saturate(result);
  }

  /**
   * Converts a {@code d x d} matrix from rescaled units to data units: entry {@code (i, j)} is multiplied
   * by {@code 2 c_i} and by {@code 2 c_j}, one factor at a time, then saturated.
   *
   * @param scaled a {@code d x d} matrix in rescaled units, e.g. a covariance matrix of {@link #centered()}
   * @return the matrix in data units
   */
  public NDArray pairsToDataUnits(NDArray scaled) {
    NDArray c = scale();
    return saturate(scaled.mul(c.reshape(columns, 1)).mul(2.0).mul(c).mul(2.0));
  }

  /**
   * Returns {@code a^T a / (n - 1)} (or {@code / 1} when {@code n = 1}) for all pairs at once.
   *
   * <p>The CPU matrix product accumulates each entry sequentially, which in float32 costs about 40 units
   * in the last place over 20,000 rows (correlations off by {@code 5e-6}). So the rows are cut into blocks
   * of {@value #GRAM_BLOCK_ROWS} (the last one padded with zero rows, which add nothing), one batched
   * matrix product gives each block's {@code d x d} matrix, and a (cascaded) sum adds the blocks: about
   * 30 times more accurate for the same work.
   *
   * @param a an {@code n x d} matrix, e.g. {@link #centered()}
   * @return the {@code d x d} matrix
   */
  public NDArray gram(NDArray a) {
    if (rows <= GRAM_BLOCK_ROWS) {
      return a.transpose().matMul(a).div(sampleDivisor());
    }
    int blocks = (rows + GRAM_BLOCK_ROWS - 1) / GRAM_BLOCK_ROWS;
    int padding = blocks * GRAM_BLOCK_ROWS - rows;
    NDArray padded = padding == 0 ? a : a.concat(scope.zeros(new Shape(padding, columns), a.getDataType()), 0);
    NDArray stacked = padded.reshape(blocks, GRAM_BLOCK_ROWS, columns);
    return stacked.transpose(0, 2, 1).matMul(stacked).sum(new int[] {0}).div(sampleDivisor());
  }

  /**
   * Returns the scaled covariance matrix {@code C = zc^T zc / (n - 1)} of all pairs of columns, with one
   * (blocked) matrix product, see {@link #gram(NDArray)}; the covariance in data units is
   * {@code 4 c_i c_j C_ij}.
   *
   * @return the {@code d x d} matrix
   */
  public NDArray scaledCovariance() {
    if (covariance == null) {
      covariance = gram(centered());
    }
    return covariance;
  }

  /**
   * Returns the Pearson correlation matrix {@code r_ij = C_ij / (sqrt(C_ii + eps) sqrt(C_jj + eps))}, from
   * {@link #scaledCovariance()} and its own diagonal, so that the rounding of the matrix product largely
   * cancels. A constant column has correlation exactly 0 with every column (its {@code C_ij} are 0).
   * The two divisions are separate so that no intermediate square of {@code sqrt(eps)} underflows.
   *
   * @return the {@code d x d} matrix, entries in about {@code [-1, 1]}
   */
  public NDArray correlation() {
    NDArray cov = scaledCovariance();
    NDArray diagonal = cov.reshape(-1).get(new NDIndex("{}", scope.create(PairIndex.flatDiagonal(columns))));
    NDArray norm = diagonal.add(VARIANCE_EPSILON).sqrt();
    return cov.div(norm.reshape(columns, 1)).div(norm);
  }

  /**
   * Gathers the strict upper triangle of a {@code d x d} matrix in pair order (0,1), (0,2), ...,
   * (0,d-1), (1,2), ... with one indexing operation.
   *
   * @param matrix a {@code d x d} matrix
   * @return a vector of length {@code d(d-1)/2}
   */
  public NDArray upperTriangle(NDArray matrix) {
    NDArray index = scope.create(PairIndex.flatUpperTriangle(columns));
    return matrix.reshape(-1).get(new NDIndex("{}", index));
  }

  /**
   * Returns the rows of the column-wise sorted matrix at the given positions, e.g. the two order
   * statistics around a quantile. Autograd flows through the sort to the original entries.
   *
   * @param positions row positions in the sorted matrix, each in {@code [0, n)}
   * @return a {@code positions.length x d} matrix
   */
  public NDArray orderStatistics(long[] positions) {
    if (sorted == null) {
      sorted = own(x.sort(0));
    }
    return sorted.get(new NDIndex("{}", scope.create(positions)));
  }

  /**
   * Clamps an array to the finite range of the input's data type: a result too large for float32
   * becomes {@code Float.MAX_VALUE} (with a zero gradient) instead of infinity.
   *
   * @param a the array
   * @return {@code a} clipped to {@code [-max, max]}
   */
  public NDArray saturate(NDArray a) {
    double max = x.getDataType() == DataType.FLOAT64 ? Double.MAX_VALUE : Float.MAX_VALUE;
    return a.clip(-max, max);
  }

  /**
   * Moves a result out of this workspace into {@code x}'s manager, so that it survives {@link #close()}.
   *
   * @param result the feature's value
   * @return {@code result}
   */
  public NDArray keep(NDArray result) {
    result.attach(owner);
    return result;
  }

  /** Closes every intermediate array (not {@code x}, not kept results). */
  @Override
  public void close() {
    scope.close();
  }

  private NDArray scale() {
    centered();
    return requireComputed(scale);
  }

  private NDArray own(NDArray array) {
    array.attach(scope);
    return array;
  }

  private static NDArray requireComputed(@Nullable NDArray array) {
    if (array == null) {
      throw new IllegalStateException("internal error: centered() did not set its companions");
    }
    return array;
  }
}
