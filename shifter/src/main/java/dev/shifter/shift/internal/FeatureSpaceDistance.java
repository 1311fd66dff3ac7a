package dev.shifter.shift.internal;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Regularizer;
import dev.shifter.api.ShiftContext;

/**
 * The mean squared distance between the shifted and the unshifted rows in the generator's encoded
 * space, each encoded column standardised by its spread over the unshifted rows:
 * {@code mean_j(mean_i((E(z')_ij - E(z)_ij)^2) / (var_j(E(z)) + 0.01 mean_j var_j(E(z)) + 1e-12))},
 * with {@code E} the adapter's {@code generateEncoded}. The unshifted rows and their spread are
 * constants, so the scale of the comparison cannot drift with the shifted batch (a batch whose own
 * spread shrinks would otherwise inflate the penalty without bound); the small share of the mean
 * variance caps the weight of a nearly constant column.
 */
public final class FeatureSpaceDistance implements Regularizer {
  private static final float FLOOR = 0.01f;
  private static final float EPSILON = 1e-12f;

  @Override
  public NDArray compute(ShiftContext context) {
    NDArray shifted = context.adapter().generateEncoded(context.shiftedZ(), context.cond());
    NDArray original = context.adapter().generateEncoded(context.z(), context.cond()).stopGradient();
    NDArray variance = original.sub(original.mean(new int[] {0}, true)).square().mean(new int[] {0});
    NDArray denominator = variance.add(variance.mean().mul(FLOOR)).add(EPSILON);
    return shifted.sub(original).square().mean(new int[] {0}).div(denominator).mean();
  }

  @Override
  public String name() {
    return "feature_space_reg";
  }

  @Override
  public String toString() {
    return "Regularizers.featureSpace()";
  }
}
