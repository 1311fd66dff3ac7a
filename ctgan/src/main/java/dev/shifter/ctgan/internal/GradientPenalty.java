package dev.shifter.ctgan.internal;

import dev.shifter.api.EngineScalars;
import ai.djl.ndarray.NDArray;

/**
 * The WGAN-GP gradient penalty (Gulrajani et al. 2017): {@code lambda * mean((||g|| - 1)^2)}, where
 * {@code g} is the gradient of the critic's score with respect to its (packed) input at points
 * between real and generated rows.
 */
public final class GradientPenalty {
  /** Added under the square root so that the norm's gradient stays finite at {@code g = 0}. */
  private static final float NORM_EPSILON = 1e-12f;

  private GradientPenalty() {}

  /**
   * Computes the penalty from a critic pass on interpolated rows.
   *
   * @param pass the critic's pass on the interpolates, run in training mode inside the gradient
   *     collector so that the penalty is differentiable with respect to the critic's weights
   * @param lambda the penalty's weight (10 in the paper)
   * @return a scalar in the manager of the pass's input
   */
  public static NDArray of(CriticPass pass, float lambda) {
    NDArray gradient = pass.inputGradient();
    NDArray norm = gradient.square().sum(new int[] {1}).add(NORM_EPSILON).sqrt();
    NDArray meanSquare = norm.sub(1f).square().mean();
    return meanSquare.mul(EngineScalars.of(meanSquare, lambda));
  }
}
