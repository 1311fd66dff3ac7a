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
import org.jspecify.annotations.Nullable;

/**
 * How far the marginal distributions of the columns that no target names move from the unshifted
 * generator's: for each continuous column not in {@link ShiftContext#targetedColumns()}, the 1-D
 * Wasserstein distance between the shifted and the unshifted batch (the mean absolute difference of the
 * sorted values), in units of the unshifted column's standard deviation; for each categorical column
 * ({@link GeneratorAdapter#categoricalBlocks()}), the total variation between the batch's mean category
 * probabilities, shifted and unshifted. The term is the mean over these columns (0 when there is none).
 *
 * <p>The unshifted side is the I-projection of the step's unshifted rows onto the step's targets
 * ({@link TiltWeights}) when the step has target values and the rows can be reweighted to them: a
 * column no target names keeps the marginal the reweighting gives it (a higher mean spend may need
 * more rows of the segment that spends most), else its unshifted marginal.
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
    boolean anyFree = columns.stream().anyMatch(c -> !context.targetedColumns().contains(c));
    @Nullable NDArray plain = null;
    float[] plainValues = new float[0];
    double @Nullable [] weights = null;
    if (anyFree || !context.targets().isEmpty()) {
      plain = adapter.generateDifferentiable(context.z(), context.cond()).stopGradient();
      plainValues = plain.toFloatArray();
      weights = TiltWeights.of(context.targets(), columns, plainValues);
    }
    int d = columns.size();
    for (int j = 0; j < d && plain != null; j++) {
      if (context.targetedColumns().contains(columns.get(j))) {
        continue;
      }
      NDArray s = shifted.get(":, " + j).sort();
      NDArray column = plain.get(":, " + j);
      NDArray u = weights == null ? column.sort()
          : context.manager().create(TiltWeights.quantiles(columnOf(plainValues, j, d), weights,
              (int) s.getShape().get(0)));
      NDArray spread = column.sub(column.mean()).square().mean().sqrt().add(EngineScalars.of(column, EPSILON));
      terms.add(s.sub(u).abs().mean().div(spread));
    }
    List<EncodedBlock> blocks = adapter.categoricalBlocks();
    if (!blocks.isEmpty()) {
      NDArray encodedShifted = adapter.generateEncoded(context.shiftedZ(), context.cond());
      NDArray encodedPlain = adapter.generateEncoded(context.z(), context.cond()).stopGradient();
      @Nullable NDArray rowWeights = weights == null ? null
          : TiltWeights.column(context.manager(), weights);
      for (EncodedBlock block : blocks) {
        if (context.targetedColumns().contains(block.column())) {
          continue;
        }
        String range = ":, " + block.start() + ":" + (block.start() + block.width());
        NDArray p = encodedShifted.get(range).mean(new int[] {0});
        NDArray q = rowWeights == null ? encodedPlain.get(range).mean(new int[] {0})
            : encodedPlain.get(range).mul(rowWeights).sum(new int[] {0});
        terms.add(p.sub(q).abs().sum().mul(EngineScalars.of(p, 0.5)));
      }
    }
    if (terms.isEmpty()) {
      return context.shiftedZ().sum().mul(EngineScalars.of(context.shiftedZ(), 0.0));
    }
    return NDArrays.stack(new NDList(terms)).mean();
  }

  private static float[] columnOf(float[] rowMajor, int column, int columns) {
    float[] values = new float[rowMajor.length / columns];
    for (int i = 0; i < values.length; i++) {
      values[i] = rowMajor[i * columns + column];
    }
    return values;
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
