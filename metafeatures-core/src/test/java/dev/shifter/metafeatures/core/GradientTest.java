package dev.shifter.metafeatures.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shifter.api.MetaFeature;
import dev.shifter.api.testing.GradientCheck;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Autograd against central finite differences, in float64, for every feature: on 7 x 3 (odd n, the
 * median is one order statistic) and 8 x 3 (even n, every quantile interpolates) random matrices whose
 * values are far apart, so that the sort is differentiable under the finite-difference step.
 */
class GradientTest {

  static Stream<Arguments> featuresAndShapes() {
    return Features.all().stream().flatMap(f -> Stream.of(Arguments.of(f.name(), 7), Arguments.of(f.name(), 8)));
  }

  @ParameterizedTest(name = "{0} on {1} x 3")
  @MethodSource("featuresAndShapes")
  void autogradMatchesFiniteDifferences(String name, int rows) {
    MetaFeature feature = Features.named(name);
    int columns = 3;
    double[] values = distinctValues(rows * columns, 11 + rows);

    GradientCheck.Result result = GradientCheck.run(feature, values, rows, columns, 1e-6);

    assertThat(result.maxScaledError()).as("worst scaled difference autograd vs numeric").isLessThan(1e-6);
    assertThat(result.maxAbsAutograd()).as("largest gradient entry").isGreaterThan(1e-3);
  }

  /** Random values with gaps of at least 0.05 between any two, shuffled, on different scales per column. */
  private static double[] distinctValues(int count, long seed) {
    Random random = new Random(seed);
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      values[i] = (i - count / 2.0) * 0.3 + random.nextDouble() * 0.25;
    }
    for (int i = count - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
    for (int i = 0; i < count; i++) {
      values[i] *= 1 + i % 3;
    }
    return values;
  }
}
