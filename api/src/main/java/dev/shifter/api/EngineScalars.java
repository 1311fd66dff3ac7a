package dev.shifter.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Scalars for arithmetic that autograd differentiates, allocated by the engine itself.
 *
 * <p>With DJL 0.35 on PyTorch, {@code NDArray.mul(Number)}, {@code div(Number)} and {@code pow(Number)}
 * wrap the number in an array over a Java direct buffer (no copy) and close it right after the
 * operation. Autograd keeps that operand for the backward pass; once a garbage collection frees the
 * buffer and the memory is reused, the gradient is computed from garbage, silently. An array the engine
 * allocates ({@code full}, {@code zeros}, {@code duplicate()}) is reference-counted natively and stays
 * valid, so differentiable code multiplies by {@code x.mul(EngineScalars.of(x, c))} instead of
 * {@code x.mul(c)}. Adding or subtracting a Java number is safe: its gradient does not read the operand.
 */
public final class EngineScalars {
  private EngineScalars() {}

  /**
   * Returns a natively allocated 0-dimensional constant of {@code like}'s data type, in its manager.
   *
   * @param like the array the constant will be combined with
   * @param value the value
   * @return the constant
   */
  public static NDArray of(NDArray like, double value) {
    if (like.getDataType() == DataType.FLOAT64) {
      // full() takes a float; adding the double to an engine-made zero keeps every digit, and the sum is
      // an engine-made array too.
      return like.getManager().zeros(new Shape(), DataType.FLOAT64).add(value);
    }
    return like.getManager().full(new Shape(), (float) value, like.getDataType());
  }
}
