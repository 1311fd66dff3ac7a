package dev.shifter.shift.internal;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Regularizer;
import dev.shifter.api.ShiftContext;

/** The mean squared latent shift {@code mean((z' - z)^2)}. */
public final class LatentMeanSquare implements Regularizer {
  @Override
  public NDArray compute(ShiftContext context) {
    return context.shiftedZ().sub(context.z()).square().mean();
  }

  @Override
  public String name() {
    return "latent_reg";
  }

  @Override
  public String toString() {
    return "Regularizers.latentMeanSquare()";
  }
}
