package dev.shifter.metafeatures.extra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shifter.api.MetaFeature;
import dev.shifter.api.testing.GradientCheck;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Autograd against central finite differences, in float64, for every feature: at the default temperature
 * and, for the smooth features, at a larger temperature where the gradient is large enough to matter.
 */
class GradientChecksTest {
  private static final int ROWS = 12;
  private static final int COLUMNS = 3;
  private static final double STEP = 1e-6;
  private static final Set<String> SMOOTH = Set.of(
      CorrelatedPairFraction.NAME, OutlierColumnCount.NAME, Sparsity.NAME);

  static Stream<Arguments> features() {
    Stream<Arguments> defaults = new ExtraMetaFeatureProvider().metaFeatures().stream()
        .map(f -> Arguments.of(f, f.name(), SMOOTH.contains(f.name()) ? 0.0 : 1e-4));
    Stream<Arguments> warm = Stream.of(
        Arguments.of(new CorrelatedPairFraction(0.25), "nr_cor_attr T=0.25", 1e-4),
        Arguments.of(new OutlierColumnCount(0.5), "nr_outliers T=0.5", 1e-4),
        Arguments.of(new Sparsity(1.0), "sparsity T=1", 1e-4));
    return Stream.concat(defaults, warm);
  }

  /**
   * At their default temperatures the smooth features are nearly exact counts, so their gradients are
   * tiny; they are checked for accuracy and for being non-zero, and again at a larger temperature for size.
   */
  @ParameterizedTest(name = "{1}")
  @MethodSource("features")
  void autogradMatchesFiniteDifferences(MetaFeature feature, String label, double smallestLargestEntry) {
    GradientCheck.Result result = GradientCheck.run(feature, matrix(), ROWS, COLUMNS, STEP);

    assertThat(result.maxScaledError()).as(label + " max scaled error").isLessThan(1e-5);
    assertThat(result.maxAbsAutograd()).as(label + " largest gradient entry").isGreaterThan(smallestLargestEntry);
  }

  /**
   * A positive random matrix (the means need positive data) with a heavy tail in the first column, so
   * that it has an outlier, and a second column correlated with the first at about |r| = 0.5.
   */
  private static double[] matrix() {
    Random random = new Random(42);
    double[] values = new double[ROWS * COLUMNS];
    for (int i = 0; i < ROWS; i++) {
      double a = random.nextGaussian();
      values[i * COLUMNS] = Math.exp(a);
      values[i * COLUMNS + 1] = 3.0 + 0.5 * a + 0.8 * random.nextGaussian();
      values[i * COLUMNS + 2] = 2.0 + random.nextDouble();
    }
    return values;
  }
}
