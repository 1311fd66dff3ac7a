package dev.shifter.metafeatures.extra;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.MetaFeature;
import dev.shifter.metafeatures.extra.internal.FeatureScope;
import dev.shifter.metafeatures.extra.internal.NdOps;

/**
 * pymfe's {@code h_mean}: the harmonic mean of each column shifted by {@code 1e-8}, as
 * {@code scipy.stats.hmean(x + 1e-8)}: {@code n / sum(1 / (x + 1e-8))}. Exact for columns whose values
 * are all non-negative.
 *
 * <p><b>Negative values.</b> scipy (and so pymfe) gives NaN for a column with a value below
 * {@code -1e-8}. This feature floors the shifted values at {@link #SHIFT} = 1e-8:
 * {@code n / sum(1 / max(x + 1e-8, 1e-8))}, which leaves non-negative data unchanged and counts every
 * negative value as 0. Such a column gets a value of about {@code n * 1e-8 / k} when {@code k} values are
 * at or below 0; the floored values get a zero gradient, the others keep their exact gradient
 * {@code h^2 / (n (x_i + 1e-8)^2)}.
 *
 * <p><b>Scaling.</b> The mean is computed as {@code m * n / sum(m / u)} with {@code u} the floored shifted
 * values and {@code m} the column's smallest {@code u} (without gradient; the expression does not depend
 * on {@code m}), so every term lies in {@code (0, 1]} and the sum in {@code [1, n]}: values and gradients
 * stay finite for constant columns, {@code n = 1} (which gives {@code max(x, 0) + 1e-8}) and values near
 * {@code 1e30}, where the plain formula's {@code 1 / sum^2} overflows float32.
 */
public final class HarmonicMean implements MetaFeature {
  /** The feature's name. */
  public static final String NAME = "h_mean";

  /** The shift added to every value, pymfe's epsilon for {@code h_mean}, also the floor. */
  public static final double SHIFT = 1e-8;

  /** Creates the feature. */
  public HarmonicMean() {
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
    return "harmonic mean of each column + 1e-8, negatives floored (pymfe h_mean for positive columns; pymfe gives 0 "
        + "for a column with zeros and fails on negative values)";
  }

  @Override
  public NDArray compute(NDArray x) {
    return FeatureScope.compute(x, NAME, v -> {
      int n = NdOps.rows(v);
      int d = NdOps.columns(v);
      NDArray shifted = v.add(SHIFT).maximum(SHIFT);
      NDArray smallest = shifted.min(NdOps.ROWS, true).stopGradient();
      NDArray scaledReciprocals = NdOps.reciprocal(shifted.div(smallest));
      return NdOps.times(NdOps.reciprocal(scaledReciprocals.sum(NdOps.ROWS)).mul(smallest.reshape(d)), n);
    });
  }
}
