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
 * {@code var}: the sample variance of each column, {@code s^2 = sum((x - mean)^2) / (n - 1)} (ddof = 1,
 * as pymfe).
 *
 * <p>Computed from the columns centred at their float mean, with a blocked matrix product and the exact
 * correction for the rounding of the mean (the fast path of {@link ColumnStatistics}), so it does not
 * cancel catastrophically. Where that could lose accuracy or overflow (a constant or nearly constant
 * column, a single row, squares beyond the data type), it is computed from centred, rescaled columns,
 * whose intermediates cannot overflow.
 *
 * <p>Degenerate input: a constant column gives 0 (gradient 0); a single row gives 0 (the divisor
 * {@code n - 1} is replaced by 1); two rows give {@code (x_1 - x_2)^2 / 2}. A variance too large for the
 * data type (values near {@code 1e30} have a variance near {@code 1e60}, beyond float32) saturates at the
 * largest finite value, e.g. {@code Float.MAX_VALUE}, with a zero gradient.
 */
public final class Variance implements MergeableMetaFeature<MomentSummary> {
  /** The registry name, {@value}. */
  public static final String NAME = "var";

  /** Creates the feature; it is stateless. */
  public Variance() {
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
    return FeatureDomain.NON_NEGATIVE;
  }

  @Override
  public String description() {
    return "sample variance of each column (ddof = 1)";
  }

  @Override
  public NDArray compute(NDArray x) {
    try (ColumnStatistics stats = ColumnStatistics.of(x, NAME)) {
      return stats.keep(stats.variance());
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
    return summary.variances();
  }
}
