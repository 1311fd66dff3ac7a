package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.MergeableMetaFeature;
import dev.shifter.api.RowBlock;
import dev.shifter.metafeatures.core.internal.ColumnStatistics;
import dev.shifter.metafeatures.core.internal.MomentSummary;
import java.util.Map;

/**
 * {@code kurtosis}: the excess kurtosis {@code m4 / s^4 - 3} of each column, where
 * {@code m4 = sum((x - mean)^4) / n} and {@code s} is the ddof = 1 standard deviation (pymfe's default,
 * method 3).
 *
 * <p>Computed from the power sums of the columns centred at their float mean (cascaded column sums,
 * exact correction for the rounding of the mean: the fast path of {@link ColumnStatistics}) when their
 * fourth powers stay well inside the data type's range and every spread is well above rounding;
 * otherwise as {@code mean(u^4) - 3} of the standardised rescaled columns {@code u = (x - mean) / s},
 * which is scale-free and cannot overflow.
 *
 * <p>Degenerate input: a constant column gives <b>-3</b> with gradient 0. That is the limit of the
 * formula as the spread shrinks ({@code m4 = 0}: no tails at all), the lower bound of the statistic,
 * and what the regularised formula gives continuously, with no special case; a single row also gives
 * -3. Two distinct rows give {@code 1/4 - 3 = -2.75}. Values near {@code 1e30} or differing only in the
 * 7th significant digit give their true kurtosis.
 */
public final class Kurtosis implements MergeableMetaFeature<MomentSummary> {
  /** The registry name, {@value}. */
  public static final String NAME = "kurtosis";

  /** Creates the feature; it is stateless. */
  public Kurtosis() {
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
    return "excess kurtosis m4 / s^4 - 3 of each column (s with ddof = 1)";
  }

  @Override
  public NDArray compute(NDArray x) {
    try (ColumnStatistics stats = ColumnStatistics.of(x, NAME)) {
      return stats.keep(stats.kurtosis());
    }
  }

  /** Summarizes the block exactly, in double precision. */
  @Override
  public MomentSummary summarize(RowBlock block) {
    return MomentSummary.of(block, 4, false);
  }

  @Override
  public MomentSummary merge(MomentSummary left, MomentSummary right) {
    return left.merge(right);
  }

  @Override
  public Map<String, Double> finish(MomentSummary summary) {
    return summary.kurtosis();
  }
}
