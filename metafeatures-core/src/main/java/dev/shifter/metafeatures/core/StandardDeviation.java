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
 * {@code sd}: the sample standard deviation of each column, {@code s = sqrt(sum((x - mean)^2) / (n - 1))}
 * (ddof = 1, as pymfe).
 *
 * <p>Computed as {@code sqrt(v)} of the variance {@code v} (see {@link Variance}) when every column has a
 * spread well above rounding (the fast path of {@link ColumnStatistics}); otherwise as
 * {@code v / sqrt(v + eps)} of the variance of centred, rescaled columns ({@code eps = 1e-24} against a
 * scaled variance of at least {@code 1/(2n)} for any non-constant column), which equals {@code s} to
 * float64 precision and is exactly 0, with a finite gradient, for a constant column.
 *
 * <p>Degenerate input: a constant column gives exactly 0 with gradient 0 (instead of the infinite
 * slope of a square root at 0); a single row gives 0; two rows give {@code |x_1 - x_2| / sqrt(2)}.
 * Values near {@code 1e30} give their standard deviation (it is representable); only a result beyond
 * the data type's range saturates at its largest finite value.
 */
public final class StandardDeviation implements MergeableMetaFeature<MomentSummary> {
  /** The registry name, {@value}. */
  public static final String NAME = "sd";

  /** Creates the feature; it is stateless. */
  public StandardDeviation() {
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
    return FeatureDomain.WITHIN_COLUMN_WIDTH;
  }

  @Override
  public String description() {
    return "sample standard deviation of each column (ddof = 1)";
  }

  @Override
  public NDArray compute(NDArray x) {
    try (ColumnStatistics stats = ColumnStatistics.of(x, NAME)) {
      return stats.keep(stats.standardDeviation());
    }
  }

  /** Summarizes the block exactly, in double precision. */
  @Override
  public MomentSummary summarize(RowBlock block) {
    return MomentSummary.of(block, 2, false);
  }

  @Override
  public MomentSummary merge(MomentSummary left, MomentSummary right) {
    return left.merge(right);
  }

  @Override
  public Map<String, Double> finish(MomentSummary summary) {
    return summary.standardDeviations();
  }
}
