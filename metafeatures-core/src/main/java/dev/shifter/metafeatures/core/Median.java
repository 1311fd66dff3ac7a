package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MetaFeature;
import dev.shifter.metafeatures.core.internal.Bracket;
import dev.shifter.metafeatures.core.internal.ColumnStatistics;
import dev.shifter.metafeatures.core.internal.QuantilePosition;

/**
 * {@code median}: the median of each column; for an even number of rows the mean of the two middle
 * values (numpy's default linear interpolation, as pymfe).
 *
 * <p>Computed by selection in {@code O(n)}, not a sort: for odd {@code n} the middle value itself, for
 * even {@code n} the two middle values (see {@link ColumnStatistics#orderStatistics(QuantilePosition...)}),
 * interpolated on halved values so that it cannot overflow. Autograd flows through the selection to
 * the chosen entries.
 *
 * <p>Degenerate input: a constant column gives the constant; a single row gives that row; two rows give
 * their mean. Among tied entries, the gradient goes to one of them.
 */
public final class Median implements MetaFeature {
  /** The registry name, {@value}. */
  public static final String NAME = "median";

  /** Creates the feature; it is stateless. */
  public Median() {
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
    return "median of each column";
  }

  @Override
  public NDArray compute(NDArray x) {
    try (ColumnStatistics stats = ColumnStatistics.of(x, NAME)) {
      QuantilePosition q = QuantilePosition.of(stats.rows(), 0.5);
      Bracket middle = stats.orderStatistics(q).get(0);
      if (q.fraction() == 0) {
        return stats.keep(middle.lower());
      }
      NDArray lower = stats.times(middle.lower(), 0.5);
      NDArray upper = stats.times(middle.upper(), 0.5);
      NDArray half = stats.times(upper.sub(lower), q.fraction()).add(lower);
      return stats.keep(stats.saturate(stats.times(half, 2.0)));
    }
  }
}
