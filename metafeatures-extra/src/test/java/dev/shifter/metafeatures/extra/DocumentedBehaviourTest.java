package dev.shifter.metafeatures.extra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaFeature;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The choices the features' Javadoc documents for degenerate input, floors and temperatures. */
class DocumentedBehaviourTest {
  private static final Matrix WITH_CONSTANT_COLUMN = Matrix.of(
      new double[] {1.0, 3.7}, new double[] {2.5, 3.7}, new double[] {0.3, 3.7}, new double[] {1.7, 3.7},
      new double[] {-0.4, 3.7}, new double[] {0.9, 3.7}, new double[] {3.1, 3.7}, new double[] {2.2, 3.7},
      new double[] {1.1, 3.7}, new double[] {9.0, 3.7});

  private static double[] f64(MetaFeature feature, Matrix matrix) {
    return Evaluation.values(feature, matrix, DataType.FLOAT64);
  }

  @Test
  void aConstantColumnGetsThePymfeValuesOfAConstantColumn() {
    assertThat(f64(new ColumnRange(), WITH_CONSTANT_COLUMN)[1]).isZero();
    assertThat(f64(new MedianAbsoluteDeviation(), WITH_CONSTANT_COLUMN)[1]).isZero();
    assertThat(f64(new TrimmedMean(), WITH_CONSTANT_COLUMN)[1]).isCloseTo(3.7, within(1e-12));
    assertThat(f64(new GeometricMean(), WITH_CONSTANT_COLUMN)[1]).isCloseTo(3.7, within(1e-12));
    assertThat(f64(new HarmonicMean(), WITH_CONSTANT_COLUMN)[1]).isCloseTo(3.7 + 1e-8, within(1e-12));
    assertThat(f64(new Sparsity(), WITH_CONSTANT_COLUMN)[1]).isCloseTo(1.0, within(1e-12));
    assertThat(f64(new CovarianceEigenvalues(), WITH_CONSTANT_COLUMN)[1]).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void aConstantColumnHasNoOutlierAndNoCorrelation() {
    // Column 0 has an outlier (9.0); the constant column must add nothing.
    assertThat(f64(new OutlierColumnCount(), WITH_CONSTANT_COLUMN)[0]).isCloseTo(1.0, within(1e-6));
    assertThat(f64(new CorrelatedPairFraction(), WITH_CONSTANT_COLUMN)[0]).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void oneRowGivesZeroSpreadAndZeroCounts() {
    Matrix row = Matrix.of(new double[] {1.5, -2.0, 4.0});

    assertThat(f64(new CovarianceEigenvalues(), row)).containsOnly(new double[] {0.0}, within(0.0));
    assertThat(f64(new Sparsity(), row)).containsOnly(new double[] {0.0}, within(0.0));
    assertThat(f64(new OutlierColumnCount(), row)).containsOnly(new double[] {0.0}, within(0.0));
    assertThat(f64(new CorrelatedPairFraction(), row)[0]).isCloseTo(0.0, within(1e-20));
    assertThat(f64(new TrimmedMean(), row)).containsExactly(1.5, -2.0, 4.0);
  }

  @Test
  void oneColumnHasNoCorrelatedPair() {
    Matrix column = Matrix.of(new double[] {1.0}, new double[] {2.0}, new double[] {4.0});

    assertThat(f64(new CorrelatedPairFraction(), column)).containsExactly(0.0);
  }

  @Test
  void theGeometricMeanFloorsZerosAndNegativesAt1eMinus10() {
    Matrix matrix = Matrix.of(new double[] {0.0, -3.0}, new double[] {4.0, 2.0}, new double[] {4.0, 8.0},
        new double[] {4.0, -1.0});

    double[] values = f64(new GeometricMean(), matrix);

    assertThat(values[0]).isCloseTo(Math.exp((Math.log(1e-10) + 3 * Math.log(4.0)) / 4), within(1e-15));
    assertThat(values[1]).isCloseTo(Math.exp((2 * Math.log(1e-10) + Math.log(16.0)) / 4), within(1e-15));
  }

  @Test
  void theHarmonicMeanCountsNegativeValuesAsZero() {
    Matrix matrix = Matrix.of(new double[] {-1.0}, new double[] {2.0});

    assertThat(f64(new HarmonicMean(), matrix)[0]).isCloseTo(2.0 / (1e8 + 1.0 / (2.0 + 1e-8)), within(1e-20));
  }

  @Test
  void float32EigenvaluesBeyondFloat32AreClampedToItsLargestValue() {
    Matrix matrix = Matrix.of(new double[] {-1e30, 1.0}, new double[] {0.0, 2.0}, new double[] {1e30, 4.0});

    Evaluation evaluation = Evaluation.of(new CovarianceEigenvalues(), matrix, DataType.FLOAT32);

    assertThat(evaluation.values()[0]).isEqualTo(Float.MAX_VALUE);
    assertThat(evaluation.values()[1]).isPositive().isLessThan(10.0);
    assertThat(DoubleStream.of(evaluation.gradient()).boxed().toList()).allSatisfy(g -> assertThat(g).isFinite());
  }

  @Test
  void eigenvaluesComeLargestFirstAndSumToTheTotalVariance() {
    Matrix matrix = Matrix.generated("gaussian");
    double[] values = f64(new CovarianceEigenvalues(), matrix);
    double totalVariance = 0.0;
    for (int j = 0; j < matrix.columns(); j++) {
      double[] column = matrix.column(j);
      double mean = Arrays.stream(column).average().orElseThrow();
      totalVariance += Arrays.stream(column).map(v -> (v - mean) * (v - mean)).sum() / (column.length - 1);
    }

    assertThat(values).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(Arrays.stream(values).sum()).isCloseTo(totalVariance, within(1e-9 * totalVariance));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -0.01, Double.NaN, Double.POSITIVE_INFINITY})
  void aTemperatureThatIsNotPositiveAndFiniteIsRejectedWithAHint(double temperature) {
    List<DoubleFunction<MetaFeature>> constructors = List.of(
        CorrelatedPairFraction::new, OutlierColumnCount::new, Sparsity::new);
    for (DoubleFunction<MetaFeature> constructor : constructors) {
      assertThatThrownBy(() -> constructor.apply(temperature))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("temperature").hasMessageContaining("positive finite");
    }
  }

  @Test
  void smallerTemperaturesComeCloserToTheExactValues() {
    Matrix matrix = Matrix.generated("ties");
    ExpectedValues expected = ExpectedValues.load("ties");
    double[] temperatures = {0.4, 0.1, 0.025};
    List<DoubleFunction<MetaFeature>> constructors = List.of(
        CorrelatedPairFraction::new, OutlierColumnCount::new, Sparsity::new);
    for (DoubleFunction<MetaFeature> constructor : constructors) {
      double previous = Double.POSITIVE_INFINITY;
      for (double temperature : temperatures) {
        MetaFeature feature = constructor.apply(temperature);
        double[] actual = f64(feature, matrix);
        List<Double> exact = expected.values(feature.name()).stream().map(v -> v == null ? 0.0 : v).toList();
        double error = 0.0;
        for (int k = 0; k < actual.length; k++) {
          error = Math.max(error, Math.abs(actual[k] - exact.get(k)));
        }
        assertThat(error).as("%s at T=%s", feature.name(), temperature).isLessThanOrEqualTo(previous);
        previous = error;
      }
      assertThat(previous).as("error at the smallest temperature").isLessThan(0.01);
    }
  }

  @Test
  void inputThatIsNotAFloatingPointMatrixIsRejectedWithAHint() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray vector = manager.create(new double[] {1.0, 2.0});
      NDArray integers = manager.create(new int[] {1, 2, 3, 4}, new Shape(2, 2));
      for (MetaFeature feature : new ExtraMetaFeatureProvider().metaFeatures()) {
        assertThatThrownBy(() -> feature.compute(vector)).isInstanceOf(InvalidInputException.class)
            .hasMessageContaining(feature.name()).hasMessageContaining("n x d");
        assertThatThrownBy(() -> feature.compute(integers)).isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("float32");
      }
    }
  }

  @Test
  void eigenvaluesOfDataWithNaNAreRejected() {
    Matrix matrix = Matrix.of(new double[] {1.0, Double.NaN}, new double[] {2.0, 3.0});

    assertThatThrownBy(() -> f64(new CovarianceEigenvalues(), matrix)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("NaN");
  }

  @Test
  void intermediateArraysAreFreedAndTheResultLivesInTheInputsManager() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.randomNormal(new Shape(40, 3));
      for (MetaFeature feature : new ExtraMetaFeatureProvider().metaFeatures()) {
        try (NDArray out = feature.compute(x)) {
          assertThat(out.getManager()).as(feature.name()).isSameAs(manager);
          assertThat(manager.getManagedArrays()).as(feature.name() + ": arrays left in the manager")
              .containsExactlyInAnyOrder(x, out);
        }
      }
    }
  }
}
