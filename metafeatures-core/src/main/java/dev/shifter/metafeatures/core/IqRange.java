package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MetaFeature;
import dev.shifter.metafeatures.core.internal.Bracket;
import dev.shifter.metafeatures.core.internal.ColumnStatistics;
import dev.shifter.metafeatures.core.internal.QuantilePosition;
import java.util.List;

/**
 * {@code iq_range}: the interquartile range {@code Q75 - Q25} of each column, with numpy's default
 * linear interpolation between order statistics (as pymfe).
 *
 * <p>Computed by selecting the order statistics around each quartile in {@code O(n)} (see
 * {@link ColumnStatistics#orderStatistics(QuantilePosition...)}; autograd flows through the selection)
 * and, with {@code Qp = a_p + f_p (b_p - a_p)} for the order statistics {@code a_p <= b_p} around
 * {@code p (n - 1)} (see {@link QuantilePosition}), as {@code (a75 - a25) + f75 (b75 - a75) - f25 (b25 - a25)}: only
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
  public FeatureDomain domain() {
    return FeatureDomain.WITHIN_COLUMN_WIDTH;
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
      List<Bracket> quartiles = stats.orderStatistics(q25, q75);
      Bracket first = quartiles.get(0);
      Bracket third = quartiles.get(1);
      NDArray a25 = stats.times(first.lower(), 0.5);
      NDArray b25 = stats.times(first.upper(), 0.5);
      NDArray a75 = stats.times(third.lower(), 0.5);
      NDArray b75 = stats.times(third.upper(), 0.5);
      NDArray range = a75.sub(a25)
          .add(stats.times(b75.sub(a75), q75.fraction()))
          .sub(stats.times(b25.sub(a25), q25.fraction()));
      return stats.keep(stats.saturate(stats.times(range, 2.0)));
    }
  }
}
