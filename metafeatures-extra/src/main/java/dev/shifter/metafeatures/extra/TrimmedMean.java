package dev.shifter.metafeatures.extra;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MetaFeature;
import dev.shifter.metafeatures.extra.internal.FeatureScope;
import dev.shifter.metafeatures.extra.internal.NdOps;

/**
 * pymfe's {@code t_mean}: the 20 % trimmed mean of each column, as {@code scipy.stats.trim_mean(x, 0.2)}:
 * the column is sorted, {@code k = int(0.2 n)} values are cut from each end and the remaining
 * {@code n - 2k} values are averaged.
 *
 * <p>Sorting is differentiable, so the gradient is {@code 1 / (n - 2k)} on each kept value and 0 on the
 * cut ones. For {@code n < 5}, {@code k = 0} and the result is the plain mean; a constant column gives its
 * value. Nothing is divided by a data-dependent quantity, so values and gradients are finite whenever the
 * input is.
 */
public final class TrimmedMean implements MetaFeature {
  /** The feature's name. */
  public static final String NAME = "t_mean";

  /** The share of values cut from each end, pymfe's default {@code pcut}. */
  public static final double CUT = 0.2;

  /** Creates the feature. */
  public TrimmedMean() {
    // Stateless.
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
    return "20% trimmed mean of each column (pymfe t_mean, scipy trim_mean)";
  }

  @Override
  public NDArray compute(NDArray x) {
    return FeatureScope.compute(x, NAME, v -> {
      int n = NdOps.rows(v);
      int cut = (int) (CUT * n);
      return v.sort(0).get("{}:{}", cut, n - cut).mean(NdOps.ROWS);
    });
  }
}
