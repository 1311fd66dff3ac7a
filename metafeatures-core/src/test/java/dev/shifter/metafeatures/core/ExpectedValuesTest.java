package dev.shifter.metafeatures.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.shifter.api.MetaFeature;
import dev.shifter.api.testing.SharedData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares every feature with numpy/scipy's float64 values (see {@code src/test/python/expected_values.py})
 * on generated matrices and on the shared real data sets, for float32 input (against the values of the
 * float32-rounded matrix, with the house tolerances) and float64 input (tightly).
 */
class ExpectedValuesTest {
  private static final double FLOAT64_TOLERANCE = 1e-8;
  private final NDManager manager = NDManager.newBaseManager();

  @AfterEach
  void close() {
    manager.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"synthetic_mixed", "synthetic_scales"})
  void generatedMatricesMatchNumpyInFloat32(String name) {
    Expected expected = Expected.load(name);
    double[][] rows = Expected.matrix(name);
    assertThat(rows).hasNumberOfRows(expected.rows());
    assertAllFeatures(rows, DataType.FLOAT32, expected.featuresOfFloat32Input());
  }

  @ParameterizedTest
  @ValueSource(strings = {"synthetic_mixed", "synthetic_scales"})
  void generatedMatricesMatchNumpyInFloat64(String name) {
    Expected expected = Expected.load(name);
    assertAllFeatures(Expected.matrix(name), DataType.FLOAT64, expected.features());
  }

  @ParameterizedTest
  @ValueSource(strings = {"iris", "wine", "california_housing"})
  void realDataSetsMatchNumpyInFloat32(String name) {
    SharedData.NumericColumns data = SharedData.readNumeric(name + ".csv");
    Expected expected = Expected.load(name);
    assertThat(data.names()).isEqualTo(expected.columns());
    assertThat(data.rows()).hasNumberOfRows(expected.rows());
    assertAllFeatures(data.rows(), DataType.FLOAT32, expected.featuresOfFloat32Input());
  }

  @ParameterizedTest
  @ValueSource(strings = {"iris", "wine", "california_housing"})
  void realDataSetsMatchNumpyInFloat64(String name) {
    SharedData.NumericColumns data = SharedData.readNumeric(name + ".csv");
    Expected expected = Expected.load(name);
    assertAllFeatures(data.rows(), DataType.FLOAT64, expected.features());
  }

  private void assertAllFeatures(double[][] rows, DataType type, Map<String, double[]> expected) {
    assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(
        Features.all().stream().map(MetaFeature::name).toList());
    double[] sd = expected.get("sd");
    List<String> failures = new ArrayList<>();
    for (MetaFeature feature : Features.all()) {
      double[] want = expected.get(feature.name());
      double[] got = Features.compute(manager, feature, rows, type);
      assertThat(got).as(feature.name()).hasSameSizeAs(want);
      double tolerance = type == DataType.FLOAT64 ? FLOAT64_TOLERANCE : float32Tolerance(feature.name());
      for (int k = 0; k < want.length; k++) {
        double scale = Math.max(Math.abs(want[k]), floor(feature.name(), k, sd));
        if (!(Math.abs(got[k] - want[k]) <= tolerance * scale)) {
          failures.add(feature.name() + "[" + k + "]: got " + got[k] + ", expected " + want[k]
              + " (relative error " + Math.abs(got[k] - want[k]) / scale + " > " + tolerance + ")");
        }
      }
    }
    assertThat(failures).as("%s input", type).isEmpty();
  }

  /** The house tolerances for float32 input: 1e-4 for moments, 1e-3 for kurtosis and quantiles. */
  private static double float32Tolerance(String name) {
    return switch (name) {
      case "kurtosis", "median", "iq_range" -> 1e-3;
      default -> 1e-4;
    };
  }

  /**
   * The absolute floor of the error scale, for values near 0: a location is compared relative to the
   * column's spread, a covariance relative to the product of the spreads, dimensionless shape values
   * relative to 1, correlations and mutual information relative to 0.01.
   */
  private static double floor(String name, int k, double[] sd) {
    return switch (name) {
      case "mean", "median", "iq_range" -> sd[k];
      case "skewness", "kurtosis" -> 1.0;
      case "cor", "gaussian_mi" -> 0.01;
      case "cov" -> {
        int[] pair = pair(k, sd.length);
        yield 0.01 * sd[pair[0]] * sd[pair[1]];
      }
      default -> 0.0;
    };
  }

  private static int[] pair(int k, int d) {
    int index = 0;
    for (int i = 0; i < d; i++) {
      for (int j = i + 1; j < d; j++) {
        if (index++ == k) {
          return new int[] {i, j};
        }
      }
    }
    throw new IllegalArgumentException("no pair " + k + " for " + d + " columns");
  }
}
