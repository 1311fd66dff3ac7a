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
 * {@code cov}: the absolute sample covariance {@code |sum((x_i - mean_i)(x_j - mean_j))| / (n - 1)} of each
 * pair of columns (ddof = 1; absolute, as pymfe), in pair order (0,1), (0,2), ..., (0,d-1), (1,2), ...
 *
 * <p>Computed with one blocked matrix product of the centred columns (see
 * {@link ColumnStatistics#covariance()}: centred at the float mean with an exact correction, or shifted
 * and rescaled where that could lose accuracy or overflow) and gathered from the upper triangle.
 *
 * <p>Degenerate input: a pair with a constant column gives 0; a single row gives 0; fewer than two
 * columns give an empty vector. The absolute value has gradient 0 where the covariance is exactly 0.
 * A covariance too large for the data type (values near {@code 1e30} in float32) saturates at the largest
 * finite value with a zero gradient.
 */
public final class Covariance implements MergeableMetaFeature<MomentSummary> {
  /** The registry name, {@value}. */
  public static final String NAME = "cov";

  /** Creates the feature; it is stateless. */
  public Covariance() {
    // stateless
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Arity arity() {
    return Arity.PER_PAIR;
  }

  @Override
  public FeatureDomain domain() {
    return FeatureDomain.NON_NEGATIVE;
  }

  @Override
  public String description() {
    return "absolute sample covariance of each pair of columns (ddof = 1)";
  }

  @Override
  public NDArray compute(NDArray x) {
    try (ColumnStatistics stats = ColumnStatistics.of(x, NAME)) {
      return stats.keep(stats.upperTriangle(stats.covariance()).abs());
    }
  }

  /** Summarizes the block exactly, in double precision. */
  @Override
  public MomentSummary summarize(RowBlock block) {
    return MomentSummary.of(block, 2, true);
  }

  @Override
  public MomentSummary merge(MomentSummary left, MomentSummary right) {
    return left.merge(right);
  }

  @Override
  public Map<String, Double> finish(MomentSummary summary) {
    return summary.perPair((covariance, r) -> Math.abs(covariance));
  }
}
