package dev.shifter.metafeatures.extra;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MetaFeature;
import dev.shifter.metafeatures.extra.internal.FeatureScope;
import dev.shifter.metafeatures.extra.internal.NdOps;
import dev.shifter.metafeatures.extra.internal.Quantiles;
import dev.shifter.metafeatures.extra.internal.Temperatures;

/**
 * pymfe's {@code sparsity}, smoothed: {@code (n / u - 1) / (n - 1)} for each column, where {@code u} is
 * the number of distinct values; 0 when every value is distinct, 1 for a constant column.
 *
 * <p><b>Smooth count of distinct values.</b> Sorting the column, {@code u} is 1 plus the number of gaps
 * {@code g > 0} between consecutive sorted values. This feature counts each gap as
 * {@code 1 - exp(-g / (T w))}, where {@code w = IQR / (n - 1)} is a robust typical gap (the range
 * instead of the IQR when the IQR is 0) and {@code T} the temperature (default
 * {@link #DEFAULT_TEMPERATURE} = 0.01, in units of {@code w}). A tie ({@code g = 0}) counts exactly 0, a
 * gap of more than {@code 5 T w} counts more than 0.993. Sorting and the quartiles are differentiable, so
 * the result is differentiable in every value, {@code w} included.
 *
 * <p><b>Closeness.</b> Only gaps narrower than a few hundredths of {@code w} are undercounted. Data
 * written with a fixed number of decimals, whose distinct values are at least a rounding step apart, come
 * out essentially exact; for values from a continuous distribution a fraction of order {@code T} of the
 * gaps is lost, so the sparsity, exactly 0, comes out near {@code T / (n - 1)}. Measured at the default
 * temperature: iris 0, wine 3.5e-18, california housing 5.3e-14, 0 on the generated integer matrix and
 * 1.1e-4 to 6.2e-4 on the generated continuous ones (40 to 60 rows); the tests check 1e-3.
 *
 * <p><b>Degenerate input.</b> A constant column gives exactly 1 (as pymfe); its zero IQR and range are
 * replaced by 1 to avoid dividing by zero. {@code n = 1} (pymfe: {@code 0 * inf}, NaN) gives 0. Values near
 * {@code 1e30} or differing only in the seventh digit enter only through {@code g / w}, so values and
 * gradients stay finite. Note that float32 input merges values that differ beyond float32's precision,
 * so the count can be lower than that of the same data in float64.
 */
public final class Sparsity implements MetaFeature {
  /** The feature's name. */
  public static final String NAME = "sparsity";

  /** The temperature used by {@link #Sparsity()}. */
  public static final double DEFAULT_TEMPERATURE = 0.01;

  private final double temperature;

  /** Creates the feature with the default temperature {@value #DEFAULT_TEMPERATURE}. */
  public Sparsity() {
    this(DEFAULT_TEMPERATURE);
  }

  /**
   * Creates the feature with a chosen temperature.
   *
   * @param temperature the gap, in units of the column's mean gap, at which a gap counts
   *     {@code 1 - 1/e}; smaller is closer to the exact count
   * @throws dev.shifter.api.InvalidInputException if it is not a positive finite number
   */
  public Sparsity(double temperature) {
    this.temperature = Temperatures.require(temperature, NAME, DEFAULT_TEMPERATURE);
  }

  /**
   * Returns the temperature.
   *
   * @return the temperature, in units of each column's mean gap
   */
  public double temperature() {
    return temperature;
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
    return FeatureDomain.UNIT_INTERVAL;
  }

  @Override
  public String description() {
    return "(n / distinct values - 1) / (n - 1) of each column, smooth count (pymfe sparsity)";
  }

  @Override
  public NDArray compute(NDArray x) {
    return FeatureScope.compute(x, NAME, v -> {
      int n = NdOps.rows(v);
      if (n < 2) {
        return NdOps.connectedZeros(v);
      }
      NDArray sorted = v.sort(0);
      NDArray gaps = sorted.get("1:").sub(sorted.get("{}:{}", 0, n - 1));
      NDArray iqr = Quantiles.of(sorted, 0.75).sub(Quantiles.of(sorted, 0.25));
      NDArray range = sorted.get(n - 1).sub(sorted.get(0));
      NDArray unit = NdOps.dividedBy(NDArrays.where(iqr.gt(0.0), iqr, NdOps.positiveOr(range, 1.0)), n - 1);
      NDArray counted = gaps.div(NdOps.times(unit, temperature)).neg().exp().neg().add(1.0);
      NDArray distinct = counted.sum(NdOps.ROWS).add(1.0);
      return NdOps.dividedBy(NdOps.times(NdOps.reciprocal(distinct), n).sub(1.0), n - 1);
    });
  }
}
