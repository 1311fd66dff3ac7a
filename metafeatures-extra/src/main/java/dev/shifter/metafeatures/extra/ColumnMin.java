package dev.shifter.metafeatures.extra;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MetaFeature;
import dev.shifter.metafeatures.extra.internal.FeatureScope;
import dev.shifter.metafeatures.extra.internal.NdOps;

/**
 * pymfe's {@code min}: the smallest value of each column.
 *
 * <p>The gradient is 1 on the smallest value (on one of them when several values tie), 0 elsewhere.
 */
public final class ColumnMin implements MetaFeature {
  /** The feature's name. */
  public static final String NAME = "min";

  /** Creates the feature. */
  public ColumnMin() {
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
    return "smallest value of each column (pymfe min)";
  }

  @Override
  public NDArray compute(NDArray x) {
    return FeatureScope.compute(x, NAME, v -> v.min(NdOps.ROWS));
  }
}
