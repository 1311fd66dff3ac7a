package dev.shifter.shift.internal;

import dev.shifter.api.EngineScalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import dev.shifter.api.MetaLoss;

/**
 * Huber loss of the entries divided by their scales: quadratic within {@code delta}, linear beyond,
 * so that one far-off entry does not dominate the gradient.
 */
public final class HuberLoss implements MetaLoss {
  private final float delta;

  /**
   * Creates the loss.
   *
   * @param delta where the loss turns from quadratic to linear, in scaled units
   */
  public HuberLoss(float delta) {
    if (!(delta > 0) || Float.isInfinite(delta)) {
      throw new IllegalArgumentException("The Huber delta must be positive and finite, got " + delta);
    }
    this.delta = delta;
  }

  @Override
  public NDArray loss(NDArray predicted, NDArray target, NDArray scale) {
    NDArray error = predicted.sub(target).div(scale);
    NDArray absolute = error.abs();
    NDArray quadratic = error.square().mul(EngineScalars.of(error, 0.5f));
    NDArray linear = absolute.sub(0.5f * delta).mul(EngineScalars.of(error, delta));
    return NDArrays.where(absolute.lte(delta), quadratic, linear).mean();
  }

  @Override
  public String name() {
    return "meta_loss";
  }

  @Override
  public String toString() {
    return "MetaLosses.huber(" + delta + ")";
  }
}
