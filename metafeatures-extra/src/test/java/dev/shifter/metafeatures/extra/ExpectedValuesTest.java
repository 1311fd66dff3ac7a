package dev.shifter.metafeatures.extra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.types.DataType;
import dev.shifter.api.MetaFeature;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares every feature with the exact pymfe-definition values that src/test/python/expected_values.py
 * computed in float64 with numpy and scipy: the exact features within a relative error, the smooth ones
 * within the closeness their Javadoc documents for the default temperature.
 */
class ExpectedValuesTest {
  private static final Map<String, MetaFeature> FEATURES = new ExtraMetaFeatureProvider().metaFeatures().stream()
      .collect(Collectors.toMap(MetaFeature::name, Function.identity()));

  /** Documented closeness of the smooth features at their default temperatures. */
  private static final Map<String, Double> SMOOTH_CLOSENESS = Map.of(
      CorrelatedPairFraction.NAME, 0.01,
      OutlierColumnCount.NAME, 0.01,
      Sparsity.NAME, 1e-3);

  static Stream<String> generated() {
    return Stream.of("gaussian", "positive", "ties", "outliers");
  }

  static Stream<String> shared() {
    return Stream.of("iris.csv", "wine.csv", "california_housing.csv");
  }

  @ParameterizedTest
  @MethodSource("generated")
  void exactFeaturesMatchPymfeInFloat64OnGeneratedMatrices(String name) {
    assertExactFeaturesMatch(Matrix.generated(name), ExpectedValues.load(name), DataType.FLOAT64);
  }

  @ParameterizedTest
  @MethodSource("generated")
  void exactFeaturesMatchPymfeInFloat32OnGeneratedMatrices(String name) {
    assertExactFeaturesMatch(Matrix.generated(name), ExpectedValues.load(name), DataType.FLOAT32);
  }

  @ParameterizedTest
  @MethodSource("generated")
  void smoothFeaturesStayWithinTheirDocumentedClosenessOnGeneratedMatrices(String name) {
    assertSmoothFeaturesClose(Matrix.generated(name), ExpectedValues.load(name));
  }

  @ParameterizedTest
  @MethodSource("shared")
  void exactFeaturesMatchPymfeInFloat64OnRealData(String fileName) {
    Matrix matrix = Matrix.shared(fileName);
    assertExactFeaturesMatch(matrix, expectedFor(matrix, fileName), DataType.FLOAT64);
  }

  @ParameterizedTest
  @MethodSource("shared")
  void exactFeaturesMatchPymfeInFloat32OnRealData(String fileName) {
    Matrix matrix = Matrix.shared(fileName);
    assertExactFeaturesMatch(matrix, expectedFor(matrix, fileName), DataType.FLOAT32);
  }

  @ParameterizedTest
  @MethodSource("shared")
  void smoothFeaturesStayWithinTheirDocumentedClosenessOnRealData(String fileName) {
    Matrix matrix = Matrix.shared(fileName);
    assertSmoothFeaturesClose(matrix, expectedFor(matrix, fileName));
  }

  private static ExpectedValues expectedFor(Matrix matrix, String fileName) {
    ExpectedValues expected = ExpectedValues.load(fileName.replace(".csv", ""));
    assertThat(matrix.names()).as("columns of " + fileName).isEqualTo(expected.columns());
    assertThat(matrix.rows()).as("complete rows of " + fileName).isEqualTo(expected.rows());
    return expected;
  }

  private static void assertExactFeaturesMatch(Matrix matrix, ExpectedValues expected, DataType type) {
    boolean wide = type == DataType.FLOAT64;
    assertRelative(matrix, expected, type, ColumnRange.NAME, wide ? 1e-12 : 1e-6, 0.0);
    assertRelative(matrix, expected, type, ColumnMin.NAME, wide ? 1e-12 : 1e-6, 0.0);
    assertRelative(matrix, expected, type, ColumnMax.NAME, wide ? 1e-12 : 1e-6, 0.0);
    assertRelative(matrix, expected, type, TrimmedMean.NAME, wide ? 1e-9 : 1e-4, 0.0);
    assertRelative(matrix, expected, type, GeometricMean.NAME, wide ? 1e-9 : 1e-4, 0.0);
    assertRelative(matrix, expected, type, HarmonicMean.NAME, wide ? 1e-9 : 1e-4, 0.0);
    assertRelative(matrix, expected, type, MedianAbsoluteDeviation.NAME, wide ? 1e-9 : 1e-3, 0.0);
    // Small eigenvalues of an ill-conditioned covariance are only known to about eps * largest.
    assertRelative(matrix, expected, type, CovarianceEigenvalues.NAME, wide ? 1e-9 : 1e-4, wide ? 1e-12 : 1e-5);
  }

  private static void assertRelative(
      Matrix matrix, ExpectedValues expected, DataType type, String name, double relative, double ofLargest) {
    double[] actual = Evaluation.values(FEATURES.get(name), matrix, type);
    List<@Nullable Double> exact = expected.values(name);
    assertThat(actual).as(name).hasSize(exact.size());
    double largest = exact.stream().filter(v -> v != null).mapToDouble(Math::abs).max().orElse(0.0);
    int compared = 0;
    for (int k = 0; k < actual.length; k++) {
      Double value = exact.get(k);
      if (value == null || (name.equals(GeometricMean.NAME) && value == 0.0)) {
        // pymfe gives NaN (negative values) or 0 (a value below 1e-10); the floored result is checked in
        // GeometricMeanTest.
        continue;
      }
      double tolerance = Math.max(relative * Math.abs(value), ofLargest * largest);
      assertThat(actual[k]).as("%s[%d] (%s input)", name, k, type).isCloseTo(value, within(tolerance));
      compared++;
    }
    if (!name.equals(GeometricMean.NAME) && !name.equals(HarmonicMean.NAME)) {
      assertThat(compared).as(name + ": entries with a defined exact value").isPositive();
    }
  }

  private static void assertSmoothFeaturesClose(Matrix matrix, ExpectedValues expected) {
    SMOOTH_CLOSENESS.forEach((name, closeness) -> {
      double[] actual = Evaluation.values(FEATURES.get(name), matrix, DataType.FLOAT64);
      List<@Nullable Double> exact = expected.values(name);
      assertThat(actual).as(name).hasSize(exact.size());
      for (int k = 0; k < actual.length; k++) {
        assertThat(actual[k]).as("%s[%d]", name, k).isCloseTo(Objects.requireNonNull(exact.get(k)), within(closeness));
      }
    });
  }
}
