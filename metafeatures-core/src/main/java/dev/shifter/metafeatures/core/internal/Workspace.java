package dev.shifter.metafeatures.core.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import dev.shifter.api.EngineScalars;

/**
 * The input matrix of one computation and the sub-manager that holds its intermediate arrays, with the
 * small helpers every path needs. An operation whose first operand is {@code x} puts its result in
 * {@code x}'s manager, so such results go through {@link #own(NDArray)}; everything computed from owned
 * arrays lands in the sub-manager by itself.
 *
 * <p><b>Constants on the graph.</b> DJL's PyTorch engine turns a Java number or array into a tensor
 * that <em>borrows</em> a direct buffer of the JVM ({@code from_blob}); {@code mul(Number)} and
 * {@code div(Number)} create such a tensor and close it right away. Autograd saves the factor of a
 * product or quotient for the backward pass, and once a garbage collection has freed the buffer the
 * saved factor is whatever the memory holds then: the gradient of {@code x.mul(2.0)} silently becomes
 * 0, and an index array saved by a gather points at garbage. So every factor, divisor or index that
 * meets an array with a graph is made here, allocated by the engine ({@link #constant(double)} through
 * {@link EngineScalars}, {@link #times(NDArray, double)}, {@link #over(NDArray, double)}, and
 * {@link #indices(long[])} as a copy).
 * ({@code add}/{@code sub} of a number and {@code clip} save nothing and are safe.)
 */
final class Workspace implements AutoCloseable {
  private final NDArray x;
  private final NDManager owner;
  private final NDManager scope;
  private final int rows;
  private final int columns;

  Workspace(NDArray x, int rows, int columns) {
    this.x = x;
    this.owner = x.getManager();
    this.scope = owner.newSubManager();
    this.rows = rows;
    this.columns = columns;
  }

  /** The {@code n x d} input, in its caller's manager. */
  NDArray x() {
    return x;
  }

  int rows() {
    return rows;
  }

  int columns() {
    return columns;
  }

  /** {@code max(n - 1, 1)}: the divisor of sample (co)variances; one row has variance 0, not 0/0. */
  int sampleDivisor() {
    return Math.max(rows - 1, 1);
  }

  /** Whether the input is float64 (else float32). */
  boolean isDouble() {
    return x.getDataType() == DataType.FLOAT64;
  }

  /** Moves an intermediate array into this workspace, so that {@link #close()} frees it. */
  NDArray own(NDArray array) {
    array.attach(scope);
    return array;
  }

  /** Moves a result into the caller's manager, so that it survives {@link #close()}. */
  NDArray keep(NDArray result) {
    result.attach(owner);
    return result;
  }

  /** Creates an index array in this workspace, owned by PyTorch (safe to save on the graph). */
  NDArray indices(long[] values) {
    return scope.create(values).duplicate();
  }

  /** A scalar of the input's data type, allocated by the engine (safe to save on the graph). */
  NDArray constant(double value) {
    return own(EngineScalars.of(x, value));
  }

  /** {@code a * factor}, with the factor as a {@link #constant(double)}. */
  NDArray times(NDArray a, double factor) {
    return a.mul(constant(factor));
  }

  /** {@code a / divisor}, with the divisor as a {@link #constant(double)}. */
  NDArray over(NDArray a, double divisor) {
    return a.div(constant(divisor));
  }

  /**
   * Clamps an array to the finite range of the input's data type: a result too large for float32
   * becomes {@code Float.MAX_VALUE} (with a zero gradient) instead of infinity.
   */
  NDArray saturate(NDArray a) {
    double max = isDouble() ? Double.MAX_VALUE : Float.MAX_VALUE;
    return a.clip(-max, max);
  }

  /** The diagonal of a {@code d x d} matrix, gathered with one indexing operation. */
  NDArray diagonal(NDArray matrix) {
    return matrix.reshape(-1).get(new NDIndex("{}", indices(PairIndex.flatDiagonal(columns))));
  }

  /** Copies a small array to the host as doubles (a synchronisation point; use on d-sized arrays only). */
  double[] toHost(NDArray small) {
    return isDouble() ? small.toDoubleArray() : toDoubles(small.toFloatArray());
  }

  /** Closes every intermediate array (not {@code x}, not kept results). */
  @Override
  public void close() {
    scope.close();
  }

  private static double[] toDoubles(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}
