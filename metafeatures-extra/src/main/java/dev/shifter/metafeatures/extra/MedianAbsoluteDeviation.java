package dev.shifter.metafeatures.extra;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MetaFeature;
import dev.shifter.metafeatures.extra.internal.FeatureScope;
import dev.shifter.metafeatures.extra.internal.NdOps;
import dev.shifter.metafeatures.extra.internal.Quantiles;

/**
 * pymfe's {@code mad}: {@code 1.4826 * median(|x - median(x)|)} for each column.
 *
 * <p>pymfe computes it with {@code scipy.stats.median_absolute_deviation(x, scale=1.4826)}, which
 * <em>multiplies</em> by {@code scale}; the factor makes the result estimate the standard deviation of
 * normal data. (scipy's newer {@code median_abs_deviation} divides by {@code scale}; its
 * {@code scale="normal"} is {@code 1 / 0.67449 = 1.482602...}, which differs from pymfe's rounded factor
 * in the sixth digit. This feature uses pymfe's 1.4826.) Medians average the two middle values when
 * {@code n} is even, as {@code np.median} does.
 *
 * <p>Both medians come from sorting, which is differentiable. {@code |0|} has gradient 0, so a constant
 * column and {@code n = 1} give 0 with a zero gradient; values and gradients are finite whenever the input
 * is.
 */
public final class MedianAbsoluteDeviation implements MetaFeature {
  /** The feature's name. */
  public static final String NAME = "mad";

  /** pymfe's consistency factor for normal data. */
  public static final double FACTOR = 1.4826;

  /** Creates the feature. */
  public MedianAbsoluteDeviation() {
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
    return FeatureDomain.NON_NEGATIVE;
  }

  @Override
  public String description() {
    return "1.4826 * median absolute deviation from the median of each column (pymfe mad)";
  }

  @Override
  public NDArray compute(NDArray x) {
    return FeatureScope.compute(x, NAME, v -> {
      NDArray median = Quantiles.median(v.sort(0));
      NDArray deviations = v.sub(median).abs().sort(0);
      return NdOps.times(Quantiles.median(deviations), FACTOR);
    });
  }
}
