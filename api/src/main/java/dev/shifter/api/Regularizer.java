package dev.shifter.api;

import ai.djl.ndarray.NDArray;
import java.util.Objects;
import java.util.function.Function;

/**
 * A penalty added to the Shifter's loss that keeps the shifted data plausible, for example the size
 * of the latent shift or the distance between the shifted and unshifted rows.
 *
 * <p>It receives everything one training step has produced ({@link ShiftContext}) and returns a
 * scalar with a graph back to the shifted noise. It must not step, freeze or otherwise change the
 * generator. The trainer multiplies it by its weight and reports it under {@link #name()}; build a
 * named one from a lambda with {@link #of(String, Function)}.
 */
@FunctionalInterface
public interface Regularizer {

  /**
   * Computes the penalty for one step.
   *
   * @param context the step's noise, shifted noise, conditional vectors and generated columns
   * @return a float32 scalar (shape {@code ()} or {@code (1)}) in the step's manager
   */
  NDArray compute(ShiftContext context);

  /**
   * Returns the name shown in progress reports and in the message when the penalty is NaN or
   * infinite.
   *
   * @return the name; the class's simple name unless overridden
   */
  default String name() {
    String simple = getClass().getSimpleName();
    return simple.isEmpty() || simple.contains("$$") ? "regularizer" : simple;
  }

  /**
   * Creates a named regularizer from a function.
   *
   * @param name the name for reports, e.g. {@code "smoothness"}
   * @param compute the penalty
   * @return the regularizer
   */
  static Regularizer of(String name, Function<ShiftContext, NDArray> compute) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(compute, "compute");
    return new Regularizer() {
      @Override
      public NDArray compute(ShiftContext context) {
        return compute.apply(context);
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public String toString() {
        return "Regularizer[" + name + "]";
      }
    };
  }
}
