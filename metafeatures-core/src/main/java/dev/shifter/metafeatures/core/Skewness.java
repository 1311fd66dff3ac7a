package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.MergeableMetaFeature;
import dev.shifter.api.RowBlock;
import dev.shifter.metafeatures.core.internal.ColumnStatistics;
import dev.shifter.metafeatures.core.internal.MomentSummary;
import java.util.Map;

/**
 * {@code skewness}: {@code m3 / s^3} for each column, where {@code m3 = sum((x - mean)^3) / n} and
 * {@code s} is the ddof = 1 standard deviation (pymfe's default, method 3).
 *
 * <p>Computed from the power sums of the columns centred at their float mean (cascaded column sums,
 * exact correction for the rounding of the mean: the fast path of {@link ColumnStatistics}) when their
 * cubes stay well inside the data type's range and every spread is well above rounding; otherwise as
 * {@code mean(u^3)} of the standardised rescaled columns {@code u = (x - mean) / s}, which is scale-free
 * and cannot overflow: {@code |u|} is at most {@code sqrt(n - 1)}.
 *
 * <p>Degenerate input: a constant column gives 0 with gradient 0 (the standardised column is exactly 0,
 * since its spread is 0 and {@code s} is regularised by {@code eps = 1e-24} in scaled units); a single row
 * gives 0; two distinct rows give 0 (they are symmetric). Values near {@code 1e30} or differing only in
 * the 7th significant digit give their true skewness.
 */
public final class Skewness implements MergeableMetaFeature<MomentSummary> {
  /** The registry name, {@value}. */
  public static final String NAME = "skewness";

  /** Creates the feature; it is stateless. */
  public Skewness() {
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
  public String description() {
    return "skewness m3 / s^3 of each column (s with ddof = 1)";
  }

  @Override
  public NDArray compute(NDArray x) {
    try (ColumnStatistics stats = ColumnStatistics.of(x, NAME)) {
      return stats.keep(stats.skewness());
    }
  }

  /** Summarizes the block exactly, in double precision. */
  @Override
  public MomentSummary summarize(RowBlock block) {
    return MomentSummary.of(block, 3, false);
  }

  @Override
  public MomentSummary merge(MomentSummary left, MomentSummary right) {
    return left.merge(right);
  }

  @Override
  public Map<String, Double> finish(MomentSummary summary) {
    return summary.skewness();
  }
}
