package dev.shifter.shift.internal;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.MetaLoss;

/** Mean squared error of the entries divided by their scales. */
public final class MseLoss implements MetaLoss {
  @Override
  public NDArray loss(NDArray predicted, NDArray target, NDArray scale) {
    return predicted.sub(target).div(scale).square().mean();
  }

  @Override
  public String name() {
    return "meta_loss";
  }

  @Override
  public String toString() {
    return "MetaLosses.mse()";
  }
}
