package dev.shifter.metafeatures.extra.internal;

import dev.shifter.api.EngineScalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Small NDArray helpers that keep the input's data type: constants are made from doubles and cast to the
 * data type of the array they will be combined with, never created as float32.
 */
public final class NdOps {
  /** The axis of rows, for reductions over the records of each column. */
  public static final int[] ROWS = {0};

  private NdOps() {}

  /**
   * Returns the number of rows of a matrix.
   *
   * @param x an {@code n x d} matrix
   * @return {@code n}
   */
  public static int rows(NDArray x) {
    return Math.toIntExact(x.getShape().get(0));
  }

  /**
   * Returns the number of columns of a matrix.
   *
   * @param x an {@code n x d} matrix
   * @return {@code d}
   */
  public static int columns(NDArray x) {
    return Math.toIntExact(x.getShape().get(1));
  }

  /**
   * Creates a constant with the data type and device of {@code like}, in {@code like}'s manager.
   *
   * @param like the array whose data type and device the constant takes
   * @param values the values, row-major
   * @param shape the shape
   * @return the constant
   */
  public static NDArray constant(NDArray like, double[] values, Shape shape) {
    NDArray raw = like.getManager().create(values, shape);
    NDArray typed = raw.toType(like.getDataType(), false);
    return typed.toDevice(like.getDevice(), false);
  }

  /**
   * Returns zeros of the shape of {@code x.sum(ROWS)} that stay connected to {@code x}'s graph, so that a
   * backward pass through a degenerate result still works (and gives zero gradients).
   *
   * @param x an {@code n x d} matrix with finite values
   * @return a vector of {@code d} zeros
   */
  public static NDArray connectedZeros(NDArray x) {
    return times(x.sum(ROWS), 0.0);
  }

  /**
   * Multiplies by a number through an engine-allocated scalar, so that the gradient stays right when
   * garbage is collected before the backward pass (see {@link EngineScalars}).
   *
   * @param x the array
   * @param factor the number
   * @return {@code x * factor}
   */
  public static NDArray times(NDArray x, double factor) {
    return x.mul(EngineScalars.of(x, factor));
  }

  /**
   * Divides by a number through an engine-allocated scalar (see {@link #times(NDArray, double)}).
   *
   * @param x the array
   * @param divisor the number
   * @return {@code x / divisor}
   */
  public static NDArray dividedBy(NDArray x, double divisor) {
    return x.div(EngineScalars.of(x, divisor));
  }

  /**
   * Returns {@code 1 / x} with an engine-allocated numerator (see {@link #times(NDArray, double)}).
   *
   * @param x the array
   * @return {@code 1 / x}
   */
  public static NDArray reciprocal(NDArray x) {
    return EngineScalars.of(x, 1.0).div(x);
  }

  /**
   * Replaces the entries of {@code values} that are not positive by {@code fallback}.
   *
   * @param values the array
   * @param fallback the value used where {@code values <= 0}
   * @return {@code where(values > 0, values, fallback)}
   */
  public static NDArray positiveOr(NDArray values, double fallback) {
    return NDArrays.where(values.gt(0.0), values, times(values.onesLike(), fallback));
  }

  /**
   * Returns 1 where {@code values > 0} and 0 elsewhere, as a constant of {@code values}' data type.
   *
   * @param values the array
   * @return the indicator, without a graph
   */
  public static NDArray positiveIndicator(NDArray values) {
    return values.gt(0.0).toType(values.getDataType(), false);
  }

  /**
   * Returns the largest finite value of a floating-point data type.
   *
   * @param type {@code FLOAT32} or {@code FLOAT64}
   * @return {@link Float#MAX_VALUE} or {@link Double#MAX_VALUE}
   */
  public static double maxFinite(DataType type) {
    return type == DataType.FLOAT32 ? Float.MAX_VALUE : Double.MAX_VALUE;
  }
}
