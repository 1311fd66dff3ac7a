package dev.shifter.shift.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Constants for arithmetic that autograd differentiates, allocated by the engine.
 *
 * <p>With DJL 0.35 on PyTorch, an array made from Java data ({@code manager.create(float[])}, and the
 * scalar that {@code NDArray.mul(Number)}, {@code div(Number)} or {@code pow(Number)} make and close at
 * once) wraps a direct buffer without copying it. Autograd keeps such an operand for the backward
 * pass; once the array is closed, its buffer can be freed and reused before {@code backward}, and the
 * gradient is then computed from garbage: wrong silently, or NaN, now and then. Arrays the engine
 * allocates itself ({@code full}, {@code zeros}, a {@code duplicate()}) are reference-counted natively
 * and stay valid. So differentiable code here multiplies by {@link dev.shifter.api.EngineScalars}
 * rather than by a Java number, and builds arrays from Java data with {@link #of}.
 */
public final class Constants {
  private Constants() {}

  /**
   * Copies Java data into a natively allocated float32 array.
   *
   * @param manager the manager that will own the array
   * @param values the values
   * @param shape the shape
   * @return the array
   */
  public static NDArray of(NDManager manager, float[] values, Shape shape) {
    try (NDArray javaBacked = manager.create(values, shape)) {
      return javaBacked.duplicate();
    }
  }
}
