package dev.shifter.metafeatures.extra;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.MetaFeature;
import dev.shifter.metafeatures.extra.internal.FeatureScope;
import dev.shifter.metafeatures.extra.internal.NdOps;

/**
 * pymfe's {@code g_mean}: the geometric mean {@code exp(mean(log x))} of each column, exact for columns
 * whose values are all at least {@code 1e-10}.
 *
 * <p><b>Non-positive values.</b> pymfe gives NaN for a column with a negative value and 0 for a column
 * whose minimum lies in {@code [0, 1e-10)}; neither has a useful gradient. This feature instead floors
 * every value at {@link #FLOOR} = 1e-10 (pymfe's own epsilon) before taking logarithms:
 * {@code exp(mean(log(max(x, 1e-10))))}. So a column with zeros or negative values gets a small positive
 * value (for example {@code 1e-10^(k/n)} times the geometric mean of the other values when {@code k} of
 * {@code n} values are floored), the floored values get a zero gradient and the others keep their exact
 * gradient {@code g / (n x_i)}, which lets an optimiser that pushes values up recover. A constant
 * positive column gives its value; {@code n = 1} gives {@code max(x, 1e-10)}. Values up to about
 * {@code 1e30} (and beyond) stay finite, since only logarithms are summed.
 */
public final class GeometricMean implements MetaFeature {
  /** The feature's name. */
  public static final String NAME = "g_mean";

  /** The floor applied to every value before the logarithm, pymfe's epsilon for {@code g_mean}. */
  public static final double FLOOR = 1e-10;

  /** Creates the feature. */
  public GeometricMean() {
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
  public String description() {
    return "geometric mean of each column, values floored at 1e-10 (pymfe g_mean for positive columns; pymfe gives 0 "
        + "for a column with zeros and NaN for one with negative values)";
  }

  @Override
  public NDArray compute(NDArray x) {
    return FeatureScope.compute(x, NAME, v -> v.maximum(FLOOR).log().mean(NdOps.ROWS).exp());
  }
}
