package dev.shifter.shift.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import dev.shifter.api.EncodedBlock;
import dev.shifter.api.EngineScalars;
import dev.shifter.api.GeneratorAdapter;
import dev.shifter.api.Regularizer;
import dev.shifter.api.ShiftContext;
import java.util.ArrayList;
import java.util.List;

/**
 * How far the marginal distributions of the columns that no target names move from the unshifted
 * generator's: for each continuous column not in {@link ShiftContext#targetedColumns()}, the 1-D
 * Wasserstein distance between the shifted and the unshifted batch (the mean absolute difference of the
 * sorted values), in units of the unshifted column's standard deviation; for each categorical column
 * ({@link GeneratorAdapter#categoricalBlocks()}), the total variation between the batch's mean category
 * probabilities, shifted and unshifted. The term is the mean over these columns (0 when there is none).
 *
 * <p>Why this term: of all tables with the target statistics, the one closest to the generator's own
 * (the I-projection) changes what the targets require and leaves the rest; a column no target names
 * should keep its distribution. The unshifted side is a fresh decode of the step's own noise and
 * carries no gradient.
 */
public final class MarginalDivergence implements Regularizer {
  private static final double EPSILON = 1e-6;

  @Override
  public NDArray compute(ShiftContext context) {
    GeneratorAdapter adapter = context.adapter();
    List<NDArray> terms = new ArrayList<>();
    List<String> columns = adapter.continuousColumns();
    NDArray shifted = context.generated();
    NDArray plain = null;
    for (int j = 0; j < columns.size(); j++) {
      if (context.targetedColumns().contains(columns.get(j))) {
        continue;
      }
      if (plain == null) {
        plain = adapter.generateDifferentiable(context.z(), context.cond()).stopGradient();
      }
      NDArray s = shifted.get(":, " + j).sort();
      NDArray u = plain.get(":, " + j).sort();
      NDArray spread = u.sub(u.mean()).square().mean().sqrt().add(EngineScalars.of(u, EPSILON));
      terms.add(s.sub(u).abs().mean().div(spread));
    }
    List<EncodedBlock> blocks = adapter.categoricalBlocks();
    if (!blocks.isEmpty()) {
      NDArray encodedShifted = adapter.generateEncoded(context.shiftedZ(), context.cond());
      NDArray encodedPlain = adapter.generateEncoded(context.z(), context.cond()).stopGradient();
      for (EncodedBlock block : blocks) {
        String range = ":, " + block.start() + ":" + (block.start() + block.width());
        NDArray p = encodedShifted.get(range).mean(new int[] {0});
        NDArray q = encodedPlain.get(range).mean(new int[] {0});
        terms.add(p.sub(q).abs().sum().mul(EngineScalars.of(p, 0.5)));
      }
    }
    if (terms.isEmpty()) {
      return context.shiftedZ().sum().mul(EngineScalars.of(context.shiftedZ(), 0.0));
    }
    return NDArrays.stack(new NDList(terms)).mean();
  }

  @Override
  public String name() {
    return "marginal_reg";
  }

  @Override
  public String toString() {
    return "Regularizers.marginals()";
  }
}
