package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.MetaFeature;
import dev.shifter.metafeatures.core.internal.ColumnStatistics;
import dev.shifter.metafeatures.core.internal.QuantilePosition;

/**
 * {@code median}: the median of each column; for an even number of rows the mean of the two middle
 * values (numpy's default linear interpolation, as pymfe).
 *
 * <p>Computed by sorting each column (autograd flows through the sort to the chosen entries) and
 * interpolating between the two order statistics around position {@code (n - 1) / 2}, see
 * {@link QuantilePosition}. The interpolation works on halved values, so it cannot overflow.
 *
 * <p>Degenerate input: a constant column gives the constant; a single row gives that row; two rows give
 * their mean. Ties are broken by the sort, which sends the gradient to one of the tied entries.
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
  public String description() {
    return "median of each column";
  }

  @Override
  public NDArray compute(NDArray x) {
    try (ColumnStatistics stats = ColumnStatistics.of(x, NAME)) {
      QuantilePosition q = QuantilePosition.of(stats.rows(), 0.5);
      NDArray halves = stats.orderStatistics(new long[] {q.lower(), q.upper()}).mul(0.5);
      NDArray lower = halves.get(0);
      NDArray upper = halves.get(1);
      return stats.keep(stats.saturate(upper.sub(lower).mul(q.fraction()).add(lower).mul(2.0)));
    }
  }
}
