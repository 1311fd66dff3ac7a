package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MergeableMetaFeature;
import dev.shifter.api.RowBlock;
import dev.shifter.metafeatures.core.internal.ColumnStatistics;
import dev.shifter.metafeatures.core.internal.MomentSummary;
import java.util.Map;

/**
 * {@code gaussian_mi}: the mutual information of a bivariate Gaussian with the pair's Pearson
 * correlation {@code r}, {@code -0.5 ln(1 - r^2)}, for each pair of columns in pair order (0,1), (0,2),
 * ..., (0,d-1), (1,2), ... (the seed's {@code mut_inf}; pymfe's {@code mut_inf} is another, class-based
 * quantity).
 *
 * <p>{@code r} comes from one matrix product of the centred columns, as in {@link Correlation}.
 * {@code 1 - r^2} is clamped to at least {@code 1e-6}, i.e. {@code r^2} to at most {@code 1 - 1e-6}: the
 * value is exact for {@code |r| < 0.9999995} and saturates at {@code 0.5 ln(1e6) = 6.9078} (gradient 0)
 * for (nearly) collinear pairs, whose true value is infinite.
 *
 * <p>Degenerate input: a pair with a constant column gives 0 with gradient 0; a single row gives 0; two
 * distinct rows ({@code |r| = 1}) give the cap 6.9078; fewer than two columns give an empty vector. In
 * float32, values below about {@code 1e-7} are absorbed by rounding {@code 1 - r^2}.
 */
public final class GaussianMutualInformation implements MergeableMetaFeature<MomentSummary> {
  /** The registry name, {@value}. */
  public static final String NAME = "gaussian_mi";

  /** Lower bound of {@code 1 - r^2}, i.e. {@code r^2 <= 1 - 1e-6}: {@value}. */
  public static final double MIN_ONE_MINUS_R_SQUARED = 1e-6;

  /** Below this {@code r^2}, {@code -ln(1 - r^2)} is computed from its series. */
  private static final double SERIES_BELOW = 1e-3;

  /** Creates the feature; it is stateless. */
  public GaussianMutualInformation() {
    // stateless
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Arity arity() {
    return Arity.PER_PAIR;
  }

  @Override
  public FeatureDomain domain() {
    return FeatureDomain.NON_NEGATIVE;
  }

  @Override
  public String description() {
    return "Gaussian mutual information -0.5 ln(1 - r^2) of each pair of columns (log1p-accurate for small r)";
  }

  @Override
  public NDArray compute(NDArray x) {
    try (ColumnStatistics stats = ColumnStatistics.of(x, NAME)) {
      NDArray r = stats.upperTriangle(stats.correlation());
      NDArray square = r.square();
      NDArray oneMinusSquare = square.neg().add(1.0).clip(MIN_ONE_MINUS_R_SQUARED, 1.0);
      // -ln(1 - u) as its series u + u^2/2 + u^3/3 + u^4/4 below u = 1e-3 (error under 2.1e-16 relative), as
      // log1p would: float32's 1 - u loses a small u entirely. add(0.0) turns -0.0 into 0.0.
      NDArray cube = square.square().mul(square);
      NDArray series = square.add(stats.times(square.square(), 0.5)).add(stats.times(cube, 1.0 / 3))
          .add(stats.times(cube.mul(square), 0.25));
      NDArray small = square.lt(SERIES_BELOW);
      NDArray minusLog = NDArrays.where(small, series, oneMinusSquare.log().neg());
      return stats.keep(stats.times(minusLog, 0.5).add(0.0));
    }
  }

  /** Summarizes the block exactly, in double precision. */
  @Override
  public MomentSummary summarize(RowBlock block) {
    return MomentSummary.of(block, 2, true);
  }

  @Override
  public MomentSummary merge(MomentSummary left, MomentSummary right) {
    return left.merge(right);
  }

  @Override
  public Map<String, Double> finish(MomentSummary summary) {
    return summary.perPair((covariance, r) -> fromCorrelation(r));
  }

  /**
   * The entry of one pair from its correlation, as {@link #compute(NDArray)} gives it: {@code -0.5 ln(1 - r^2)}
   * with {@code 1 - r^2} kept at or above {@link #MIN_ONE_MINUS_R_SQUARED}, in double precision.
   *
   * @param r the Pearson correlation
   * @return the Gaussian mutual information
   */
  static double fromCorrelation(double r) {
    double square = Math.min(r * r, 1.0);
    double oneMinus = Math.max(1.0 - square, MIN_ONE_MINUS_R_SQUARED);
    return oneMinus == 1.0 - square ? -0.5 * Math.log1p(-square) : -0.5 * Math.log(oneMinus);
  }
}
