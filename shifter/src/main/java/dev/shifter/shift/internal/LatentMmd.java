package dev.shifter.shift.internal;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.EngineScalars;
import dev.shifter.api.Regularizer;
import dev.shifter.api.ShiftContext;
import java.util.Objects;

/**
 * How far the shifted noise's distribution is from the standard normal noise the generator was trained
 * on: the squared maximum mean discrepancy between the shifted batch {@code z'} and the step's own
 * {@code N(0, I)} draw {@code z}, with a sum of Gaussian kernels of squared bandwidths {@code d/2},
 * {@code d} and {@code 2d} ({@code d} the latent dimension; two standard normal draws lie about
 * {@code 2d} apart in squared distance), biased estimate (never negative).
 *
 * <p>Why this term: by the data-processing inequality, the divergence of the shifted table from the
 * generator's own is at most that of the shifted noise from {@code N(0, I)}; keeping the latter small
 * keeps the table close in distribution (the I-projection view), while single rows may move.
 */
public final class LatentMmd implements Regularizer {
  private static final double[] BANDWIDTHS = {0.5, 1.0, 2.0};

  @Override
  public NDArray compute(ShiftContext context) {
    NDArray shifted = context.shiftedZ();
    NDArray reference = context.z().stopGradient();
    long dim = shifted.getShape().get(1);
    NDArray within = kernelMean(shifted, shifted, dim);
    NDArray across = kernelMean(shifted, reference, dim);
    NDArray constant = kernelMean(reference, reference, dim);
    return within.sub(across.mul(EngineScalars.of(across, 2.0))).add(constant);
  }

  /** The mean of the summed kernels over all pairs of rows of {@code a} and {@code b}. */
  private static NDArray kernelMean(NDArray a, NDArray b, long dim) {
    NDArray distances = PairwiseDistances.squared(a, b);
    NDArray total = null;
    for (double bandwidth : BANDWIDTHS) {
      NDArray kernel = distances.div(EngineScalars.of(distances, -2.0 * bandwidth * dim)).exp().mean();
      total = total == null ? kernel : total.add(kernel);
    }
    return Objects.requireNonNull(total, "no bandwidth");
  }

  @Override
  public String name() {
    return "latent_reg";
  }

  @Override
  public String toString() {
    return "Regularizers.latentMmd()";
  }
}
