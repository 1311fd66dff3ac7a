package dev.shifter.shift.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.EngineScalars;
import dev.shifter.api.Regularizer;
import dev.shifter.api.ShiftContext;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How far the shifted rows are from the I-projection of the step's own unshifted rows: the squared
 * maximum mean discrepancy, in the generator's encoded space, between the shifted batch and the
 * unshifted batch reweighted by entropy balancing to the step's target values (the weights {@code w}
 * closest to uniform in Kullback-Leibler divergence under which the unshifted rows have the targets,
 * as {@code generate --method tilt} computes them on a pool).
 *
 * <p>Why this term: of all tables with the target statistics, the one closest to the generator's own
 * is that reweighting; the meta loss says what to reach, this term says which table to reach it with,
 * so the shift moves the rows the reweighting favours instead of moving every row alike. Encoded
 * columns are divided by their standard deviation over the unshifted rows (plus 1 % of the mean
 * variance); the kernel is a sum of Gaussians of squared bandwidths {@code e/2}, {@code e} and
 * {@code 2e}, {@code e} the encoded width.
 *
 * <p>The term is 0, with no gradient, when the step has no target values, when an entry's feature has
 * no moment condition ({@link MomentConditions#SUPPORTED}), or when the batch cannot be reweighted to
 * the targets (entropy balancing does not converge, or its weights have an effective sample size
 * below a tenth of the batch): then the targets lie beyond what the unshifted rows hold, and only
 * moving rows reaches them.
 */
public final class TiltDistance implements Regularizer {
  private static final double[] BANDWIDTHS = {0.5, 1.0, 2.0};
  private static final double VARIANCE_FLOOR = 0.01;

  @Override
  public NDArray compute(ShiftContext context) {
    double[] weights = weights(context);
    NDArray shiftedZ = context.shiftedZ();
    if (weights == null) {
      return shiftedZ.sum().mul(EngineScalars.of(shiftedZ, 0.0)).stopGradient();
    }
    NDArray plain = context.adapter().generateEncoded(context.z(), context.cond()).stopGradient();
    NDArray shifted = context.adapter().generateEncoded(shiftedZ, context.cond());
    NDArray variance = plain.sub(plain.mean(new int[] {0}, true)).square().mean(new int[] {0}, true);
    NDArray spread = variance.add(variance.mean().mul(EngineScalars.of(variance, VARIANCE_FLOOR))).sqrt()
        .stopGradient();
    NDArray x = shifted.div(spread);
    NDArray y = plain.div(spread);
    long n = x.getShape().get(0);
    long width = x.getShape().get(1);
    NDArray w = TiltWeights.column(context.manager(), weights);
    NDArray uniform = context.manager().ones(new Shape(n, 1)).div(EngineScalars.of(x, (double) n));
    NDArray within = weightedKernel(x, x, uniform, uniform, width);
    NDArray across = weightedKernel(x, y, uniform, w, width);
    NDArray constant = weightedKernel(y, y, w, w, width);
    return within.sub(across.mul(EngineScalars.of(across, 2.0))).add(constant);
  }

  /** The tilt weights of the step's unshifted rows, or {@code null} when the term does not apply. */
  private static double @Nullable [] weights(ShiftContext context) {
    if (context.targets().isEmpty()) {
      return null;
    }
    return TiltWeights.of(context.targets(), context.adapter().continuousColumns(),
        context.adapter().generateDifferentiable(context.z(), context.cond()).toFloatArray());
  }

  /** {@code sum_jk a_j b_k K(p_j, q_k)} with the summed Gaussian kernels. */
  private static NDArray weightedKernel(NDArray p, NDArray q, NDArray a, NDArray b, long width) {
    NDArray distances = PairwiseDistances.squared(p, q);
    NDArray total = null;
    for (double bandwidth : BANDWIDTHS) {
      NDArray kernel = distances.div(EngineScalars.of(distances, -2.0 * bandwidth * width)).exp();
      NDArray term = a.transpose().matMul(kernel).matMul(b).reshape(new Shape());
      total = total == null ? term : total.add(term);
    }
    return Objects.requireNonNull(total, "no bandwidth");
  }

  @Override
  public String name() {
    return "tilt_reg";
  }

  @Override
  public String toString() {
    return "Regularizers.tilt()";
  }
}
