package dev.shifter.metafeatures.extra;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MetaFeature;
import dev.shifter.metafeatures.extra.internal.FeatureScope;
import dev.shifter.metafeatures.extra.internal.NdOps;

/**
 * pymfe's {@code range}: {@code max - min} of each column ({@code np.ptp}).
 *
 * <p>The gradient is +1 on a column's largest value and -1 on its smallest (on one of them when several
 * values tie). A constant column and {@code n = 1} give 0 with a finite gradient.
 */
public final class ColumnRange implements MetaFeature {
  /** The feature's name. */
  public static final String NAME = "range";

  /** Creates the feature. */
  public ColumnRange() {
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
    return FeatureDomain.WITHIN_COLUMN_WIDTH;
  }

  @Override
  public String description() {
    return "max - min of each column (pymfe range)";
  }

  @Override
  public NDArray compute(NDArray x) {
    return FeatureScope.compute(x, NAME, v -> v.max(NdOps.ROWS).sub(v.min(NdOps.ROWS)));
  }
}
