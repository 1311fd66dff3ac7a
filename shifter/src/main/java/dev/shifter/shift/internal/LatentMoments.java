package dev.shifter.shift.internal;

import dev.shifter.api.EngineScalars;
import ai.djl.ndarray.NDArray;
import dev.shifter.api.Regularizer;
import dev.shifter.api.ShiftContext;

/**
 * How far the shifted batch's first two moments are from those of {@code N(0, I)}:
 * {@code mean(mean(z')^2) + mean((cov(z') - I)^2)}, so that the shifted noise still looks like the
 * noise the generator was trained on, whatever the individual rows do.
 */
public final class LatentMoments implements Regularizer {
  @Override
  public NDArray compute(ShiftContext context) {
    NDArray shifted = context.shiftedZ();
    long n = shifted.getShape().get(0);
    long dim = shifted.getShape().get(1);
    NDArray mean = shifted.mean(new int[] {0}, true);
    NDArray centred = shifted.sub(mean);
    NDArray covariance = centred.transpose().matMul(centred).div(EngineScalars.of(centred, Math.max(1, n - 1)));
    NDArray identity = context.manager().eye((int) dim);
    NDArray meanTerm = mean.square().mean();
    NDArray covarianceTerm = covariance.sub(identity).square().mean();
    return meanTerm.add(covarianceTerm);
  }

  @Override
  public String name() {
    return "latent_reg";
  }

  @Override
  public String toString() {
    return "Regularizers.latentMoments()";
  }
}
