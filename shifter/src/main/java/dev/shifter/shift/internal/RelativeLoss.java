package dev.shifter.shift.internal;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.MetaLoss;

/**
 * Mean squared relative error {@code ((predicted - target) / (|target| + 0.01 scale))^2}: every entry
 * counts by its relative error, the small share of the scale keeping a zero target finite.
 */
public final class RelativeLoss implements MetaLoss {
  private static final float FLOOR = 0.01f;

  @Override
  public NDArray loss(NDArray predicted, NDArray target, NDArray scale) {
    NDArray denominator = target.abs().add(scale.mul(FLOOR));
    return predicted.sub(target).div(denominator).square().mean();
  }

  @Override
  public String name() {
    return "meta_loss";
  }

  @Override
  public String toString() {
    return "MetaLosses.relative()";
  }
}
