package dev.shifter.api;

import ai.djl.ndarray.NDArray;

/**
 * The meta-feature term of the Shifter's loss: how far the meta-features of a generated batch are
 * from their targets.
 *
 * <p>All three vectors have one entry per targeted meta-feature value, in the same order. The scale
 * is positive and brings every entry to a comparable size (a covariance in the thousands next to a
 * correlation below one); a loss normally compares {@code (predicted - target) / scale}. The result
 * must keep its graph back to {@code predicted}; {@code target} and {@code scale} carry none. A loss
 * is stateless, and in Kotlin a lambda {@code MetaLoss { p, t, s -> ... }} is one.
 */
@FunctionalInterface
public interface MetaLoss {

  /**
   * Computes the loss.
   *
   * @param predicted the meta-features of the generated batch, a float32 vector of length {@code k}
   *     with a graph back to the latent noise
   * @param target the targets, a float32 vector of length {@code k}
   * @param scale the positive per-entry scales, a float32 vector of length {@code k}
   * @return a float32 scalar (shape {@code ()} or {@code (1)}) attached to {@code predicted}'s manager
   */
  NDArray loss(NDArray predicted, NDArray target, NDArray scale);

  /**
   * Returns the name shown in progress reports and error messages.
   *
   * @return the name; {@code "meta_loss"} unless overridden
   */
  default String name() {
    return "meta_loss";
  }
}
