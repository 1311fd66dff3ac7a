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
 * {@code cor}: the absolute Pearson correlation {@code |r_ij|} of each pair of columns (absolute, as
 * pymfe), in pair order (0,1), (0,2), ..., (0,d-1), (1,2), ...
 *
 * <p>Computed from one blocked matrix product of the centred columns, normalised by its own diagonal
 * (see {@link ColumnStatistics#correlation()}) and gathered from the upper triangle; values near
 * {@code 1e30} go through rescaled columns. Rounding may put {@code |r|} a hair above 1, so it is clipped
 * to {@code [0, 1]}.
 *
 * <p>Degenerate input: a pair with a constant column gives 0 (its centred column is exactly 0 and the
 * normaliser is regularised by {@code eps = 1e-24} in scaled units), gradient 0; a single row gives 0; two
 * distinct rows give 1; fewer than two columns give an empty vector. The absolute value has gradient 0
 * where {@code r} is exactly 0.
 */
public final class Correlation implements MergeableMetaFeature<MomentSummary> {
  /** The registry name, {@value}. */
  public static final String NAME = "cor";

  /** Creates the feature; it is stateless. */
  public Correlation() {
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
    return FeatureDomain.UNIT_INTERVAL;
  }

  @Override
  public String description() {
    return "absolute Pearson correlation of each pair of columns";
  }

  @Override
  public NDArray compute(NDArray x) {
    try (ColumnStatistics stats = ColumnStatistics.of(x, NAME)) {
      NDArray r = stats.upperTriangle(stats.correlation());
      return stats.keep(r.abs().clip(0.0, 1.0));
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
    return summary.perPair((covariance, r) -> Math.min(Math.abs(r), 1.0));
  }
}
