package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MergeableMetaFeature;
import dev.shifter.api.RowBlock;
import dev.shifter.metafeatures.core.internal.ColumnStatistics;
import dev.shifter.metafeatures.core.internal.MomentSummary;
import java.util.Map;

/**
 * {@code mean}: the arithmetic mean of each column, {@code sum(x) / n}.
 *
 * <p>Computed as {@code x.sum(0) / n}, one read of the matrix (PyTorch sums float32 in cascade, so the
 * error stays a few units in the last place). Only if that sum overflows (values near the largest
 * float) is it recomputed as {@code x_0 + mean(x - x_0)} on rescaled columns (see
 * {@link ColumnStatistics}). Its gradient is {@code 1/n} for every entry.
 *
 * <p>Degenerate input: a constant column gives that constant; a single row gives that row.
 */
public final class Mean implements MergeableMetaFeature<MomentSummary> {
  /** The registry name, {@value}. */
  public static final String NAME = "mean";

  /** Creates the feature; it is stateless. */
  public Mean() {
    // stateless
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Arity arity() {
    return Arity.PER_COLUMN;
  }

  @Override
  public FeatureDomain domain() {
    return FeatureDomain.WITHIN_COLUMN_RANGE;
  }

  @Override
  public String description() {
    return "mean of each column";
  }

  @Override
  public NDArray compute(NDArray x) {
    try (ColumnStatistics stats = ColumnStatistics.of(x, NAME)) {
      return stats.keep(stats.mean());
    }
  }

  /** Summarizes the block exactly, in double precision. */
  @Override
  public MomentSummary summarize(RowBlock block) {
    return MomentSummary.of(block, 1, false);
  }

  @Override
  public MomentSummary merge(MomentSummary left, MomentSummary right) {
    return left.merge(right);
  }

  @Override
  public Map<String, Double> finish(MomentSummary summary) {
    return summary.means();
  }
}
