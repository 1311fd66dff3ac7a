package dev.shifter.metafeatures.core.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * A value computed exactly (in double, from counts) with the gradient of a float32 expression of the same
 * quantity: forward {@code exact}, backward {@code d path}. This keeps pymfe's values to float32 precision
 * where float32 sums would lose them (a mutual information of 1e-4 from entropies near 5), while gradients
 * still flow.
 */
public final class ExactForward {

  private ExactForward() {}

  /**
   * Combines an exact value and a gradient path.
   *
   * @param exact the exact values
   * @param path a float32 (or float64) vector of the same length whose gradient is the feature's
   * @return a vector of {@code path}'s data type equal to {@code exact} (rounded) with {@code path}'s gradient
   */
  public static NDArray of(double[] exact, NDArray path) {
    NDArray constant = path.getDataType() == DataType.FLOAT64 ? path.getManager().create(exact)
        : path.getManager().create(toFloats(exact));
    return constant.add(path.sub(path.stopGradient()));
  }

  /**
   * Exact values without a gradient, for a view that needs none.
   *
   * @param like an array of the view, whose manager and data type (float32 or float64) the result takes
   * @param exact the values
   * @return the vector
   */
  public static NDArray constant(NDArray like, double[] exact) {
    return like.getDataType() == DataType.FLOAT64 ? like.getManager().create(exact)
        : like.getManager().create(toFloats(exact));
  }

  /**
   * One exact value without a gradient (a count of the table's shape, a tree's size).
   *
   * @param like an array of the view, whose manager and data type the result takes
   * @param value the value
   * @return a vector of shape (1)
   */
  public static NDArray ofConstant(NDArray like, double value) {
    return constant(like, new double[] {value});
  }

  private static float[] toFloats(double[] exact) {
    float[] values = new float[exact.length];
    for (int i = 0; i < exact.length; i++) {
      values[i] = (float) exact[i];
    }
    return values;
  }
}
