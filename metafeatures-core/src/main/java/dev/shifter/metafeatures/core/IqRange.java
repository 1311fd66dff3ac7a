package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.MetaFeature;
import dev.shifter.metafeatures.core.internal.ColumnStatistics;
import dev.shifter.metafeatures.core.internal.QuantilePosition;

/**
 * {@code iq_range}: the interquartile range {@code Q75 - Q25} of each column, with numpy's default
 * linear interpolation between order statistics (as pymfe).
 *
 * <p>Computed by sorting each column (autograd flows through the sort) and, with
 * {@code Qp = a_p + f_p (b_p - a_p)} for the order statistics {@code a_p <= b_p} around {@code p (n - 1)}
 * (see {@link QuantilePosition}), as {@code (a75 - a25) + f75 (b75 - a75) - f25 (b25 - a25)}: only
 * differences of close data values, so values that differ only in the 7th significant digit keep their
 * precision, and on halved values, so values near {@code 1e30} cannot overflow.
 *
 * <p>Degenerate input: a constant column gives 0; a single row gives 0; two rows give half their
 * distance ({@code Q25} and {@code Q75} sit at a quarter and three quarters of the way). A range beyond
 * the data type saturates at its largest finite value.
 */
public final class IqRange implements MetaFeature {
  /** The registry name, {@value}. */
  public static final String NAME = "iq_range";

  /** Creates the feature; it is stateless. */
  public IqRange() {
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
    return "interquartile range Q75 - Q25 of each column (linear interpolation)";
  }

  @Override
  public NDArray compute(NDArray x) {
    try (ColumnStatistics stats = ColumnStatistics.of(x, NAME)) {
      QuantilePosition q25 = QuantilePosition.of(stats.rows(), 0.25);
      QuantilePosition q75 = QuantilePosition.of(stats.rows(), 0.75);
      NDArray halves = stats.orderStatistics(
          new long[] {q25.lower(), q25.upper(), q75.lower(), q75.upper()}).mul(0.5);
      NDArray a25 = halves.get(0);
      NDArray b25 = halves.get(1);
      NDArray a75 = halves.get(2);
      NDArray b75 = halves.get(3);
      NDArray range = a75.sub(a25)
          .add(b75.sub(a75).mul(q75.fraction()))
          .sub(b25.sub(a25).mul(q25.fraction()))
          .mul(2.0);
      return stats.keep(stats.saturate(range));
    }
  }
}
