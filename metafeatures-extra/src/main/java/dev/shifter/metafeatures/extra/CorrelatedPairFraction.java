package dev.shifter.metafeatures.extra;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MetaFeature;
import dev.shifter.metafeatures.extra.internal.FeatureScope;
import dev.shifter.metafeatures.extra.internal.NdOps;
import dev.shifter.metafeatures.extra.internal.Temperatures;

/**
 * pymfe's {@code nr_cor_attr}, smoothed: the share of column pairs whose absolute Pearson correlation is
 * at least 0.5.
 *
 * <p><b>Exact definition.</b> {@code (2 / (d (d - 1))) * #{pairs i < j : |r_ij| >= 0.5}}. It is a count,
 * with zero gradient almost everywhere, so this feature computes
 * {@code (2 / (d (d - 1))) * sum_{i < j} sigmoid((|r_ij| - 0.5) / T)} with temperature {@code T}
 * (default {@link #DEFAULT_TEMPERATURE} = 0.01, in units of correlation).
 *
 * <p><b>Closeness.</b> A pair contributes an error of at most {@code sigmoid(-||r| - 0.5| / T)}: at the
 * default temperature, less than 0.0067 for every pair whose {@code |r|} is at least 0.05 away from 0.5,
 * and less than 4.6e-5 at 0.1 away; the result's error is the mean of these over the pairs. Measured at
 * the default temperature: iris 1.3e-4, wine 7.9e-3 (three of its 91 pairs have {@code |r|} within 0.004
 * of 0.5), california housing 2.5e-8, and below 1e-6 on the generated test matrices; the tests check
 * 0.01.
 *
 * <p><b>Degenerate input.</b> A constant column has no defined correlation (pymfe's NaN compares as
 * below the threshold); here its correlations are 0, so its pairs count about {@code sigmoid(-0.5 / T)},
 * essentially 0, like pymfe. {@code d = 1} has no pair (pymfe divides by zero) and gives 0; {@code n = 1}
 * makes every column constant. Each column is shifted by its first value and divided by its largest
 * absolute deviation (both without gradient; correlation is invariant to both), so values near
 * {@code 1e30} or differing only in the seventh digit give finite values and gradients.
 */
public final class CorrelatedPairFraction implements MetaFeature {
  /** The feature's name. */
  public static final String NAME = "nr_cor_attr";

  /** The absolute correlation from which pymfe counts a pair as correlated. */
  public static final double THRESHOLD = 0.5;

  /** The temperature used by {@link #CorrelatedPairFraction()}. */
  public static final double DEFAULT_TEMPERATURE = 0.01;

  private static final double EPSILON = 1e-12;

  private final double temperature;

  /** Creates the feature with the default temperature {@value #DEFAULT_TEMPERATURE}. */
  public CorrelatedPairFraction() {
    this(DEFAULT_TEMPERATURE);
  }

  /**
   * Creates the feature with a chosen temperature.
   *
   * @param temperature the width of the sigmoid, in units of correlation; smaller is closer to the count
   * @throws dev.shifter.api.InvalidInputException if it is not a positive finite number
   */
  public CorrelatedPairFraction(double temperature) {
    this.temperature = Temperatures.require(temperature, NAME, DEFAULT_TEMPERATURE);
  }

  /**
   * Returns the temperature.
   *
   * @return the sigmoid's width, in units of correlation
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
    return Arity.SCALAR;
  }

  @Override
  public FeatureDomain domain() {
    return FeatureDomain.UNIT_INTERVAL;
  }

  @Override
  public String description() {
    return "share of column pairs with |Pearson r| >= 0.5, smooth (pymfe nr_cor_attr)";
  }

  @Override
  public NDArray compute(NDArray x) {
    return FeatureScope.compute(x, NAME, v -> {
      int d = NdOps.columns(v);
      if (d < 2) {
        return NdOps.times(v.sum().reshape(1), 0.0);
      }
      NDArray shifted = v.sub(v.get("0:1").stopGradient());
      NDArray centred = shifted.sub(shifted.mean(NdOps.ROWS, true));
      NDArray scale = NdOps.positiveOr(centred.abs().max(NdOps.ROWS, true).stopGradient(), 1.0);
      NDArray z = centred.div(scale);
      NDArray products = z.transpose().matMul(z);
      NDArray inverseNorms = NdOps.reciprocal(products.diagonal().add(EPSILON).sqrt());
      NDArray correlations = products.mul(inverseNorms.reshape(d, 1)).mul(inverseNorms.reshape(1, d));
      NDArray soft = Activation.sigmoid(NdOps.dividedBy(correlations.abs().sub(THRESHOLD), temperature));
      NDArray counted = soft.mul(NdOps.constant(soft, upperTriangle(d), new Shape(d, d)));
      return NdOps.dividedBy(counted.sum().reshape(1), d * (d - 1) / 2.0);
    });
  }

  private static double[] upperTriangle(int d) {
    double[] mask = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = i + 1; j < d; j++) {
        mask[i * d + j] = 1.0;
      }
    }
    return mask;
  }
}
