package dev.shifter.metafeatures.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fast path: it is taken for ordinary data, refused wherever its accuracy or a degenerate-input
 * guarantee would suffer, and gives the safe path's values and gradients where it is taken.
 */
class CentredPowerSumsTest {
  private final NDManager manager = NDManager.newBaseManager();

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void ordinaryDataTakesTheFastPathForEveryOrder() {
    assertThat(supportedOrders(Matrices.normal(1000, 3, 1), DataType.FLOAT32)).containsExactly(2, 3, 4);
    assertThat(supportedOrders(Matrices.normal(2, 3, 2), DataType.FLOAT32)).containsExactly(2, 3, 4);
    assertThat(supportedOrders(Matrices.normal(50, 2, 3), DataType.FLOAT64)).containsExactly(2, 3, 4);
  }

  @Test
  void aConstantColumnOrASingleRowTakesTheSafePath() {
    double[][] constant = Matrices.normal(20, 2, 4);
    for (double[] row : constant) {
      row[1] = 0.1;
    }
    assertThat(supportedOrders(constant, DataType.FLOAT32)).isEmpty();
    assertThat(supportedOrders(new double[][] {{1, 2, 3}}, DataType.FLOAT32)).isEmpty();
    assertThat(supportedOrders(new double[][] {{1, 2, 3}}, DataType.FLOAT64)).isEmpty();
  }

  @Test
  void spreadsNearTheRoundingOfTheMeanTakeTheSafePath() {
    // Values that differ in the 7th significant digit: the spread is a few float32 rounding units.
    double[][] rows = new double[7][1];
    for (int i = 0; i < rows.length; i++) {
      rows[i][0] = 1.000001 * (1 + i * 1e-6);
    }
    assertThat(supportedOrders(rows, DataType.FLOAT32)).isEmpty();
    // In float64 the same spread is ten million rounding units: fast.
    assertThat(supportedOrders(rows, DataType.FLOAT64)).containsExactly(2, 3, 4);
  }

  @Test
  void powersOutsideTheDataTypesRangeTakeTheSafePath() {
    assertThat(supportedOrders(scaled(1e30), DataType.FLOAT32)).isEmpty();
    // Squares of 1e12 are fine in float32, fourth powers are not.
    assertThat(supportedOrders(scaled(1e12), DataType.FLOAT32)).containsExactly(2);
    // Squares of 1e-20 underflow in float32; fine in float64.
    assertThat(supportedOrders(scaled(1e-20), DataType.FLOAT32)).isEmpty();
    assertThat(supportedOrders(scaled(1e-20), DataType.FLOAT64)).containsExactly(2, 3, 4);
  }

  @Test
  void pairsTakeTheFastPathForOrdinaryDataAndTheSafePathForHugeValues() {
    assertThat(supportsPairs(Matrices.normal(600, 3, 7), DataType.FLOAT32)).isTrue();
    assertThat(supportsPairs(scaled(1e12), DataType.FLOAT32)).isTrue();
    assertThat(supportsPairs(scaled(1e30), DataType.FLOAT32)).isFalse();
    assertThat(supportsPairs(new double[][] {{1, 2}}, DataType.FLOAT32)).isFalse();
  }

  /** With 3 columns the sums of squares come from the Gram matrix, with 40 from elementwise squares. */
  @ParameterizedTest(name = "{0}, {1} columns")
  @CsvSource({"variance, 3", "standardDeviation, 3", "skewness, 3", "kurtosis, 3", "covariance, 3",
      "correlation, 3", "variance, 40", "standardDeviation, 40", "skewness, 40", "kurtosis, 40"})
  void fastAndSafePathsGiveTheSameValuesAndGradients(String statistic, int columns) {
    double[][] rows = Matrices.normal(60, columns, 5);
    Matrices.Evaluation fast = Matrices.evaluate(manager, rows, DataType.FLOAT64, w -> {
      CentredPowerSums sums = new CentredPowerSums(w);
      assertThat(sums.supports(4)).isTrue();
      return fastStatistic(statistic).apply(sums);
    });
    Matrices.Evaluation safe = Matrices.evaluate(manager, rows, DataType.FLOAT64,
        w -> safeStatistic(statistic).apply(new RescaledColumns(w)));
    assertThat(fast.value()).containsExactly(safe.value(), within(1e-11));
    assertThat(fast.gradient()).containsExactly(safe.gradient(), within(1e-11));
    assertThat(maxAbs(fast.gradient())).isGreaterThan(1e-3);
  }

  private List<Integer> supportedOrders(double[][] rows, DataType type) {
    try (NDManager sub = manager.newSubManager()) {
      NDArray x = Matrices.create(sub, rows, type);
      try (Workspace workspace = new Workspace(x, rows.length, rows[0].length)) {
        CentredPowerSums sums = new CentredPowerSums(workspace);
        return List.of(2, 3, 4).stream().filter(sums::supports).toList();
      }
    }
  }

  private boolean supportsPairs(double[][] rows, DataType type) {
    try (NDManager sub = manager.newSubManager()) {
      NDArray x = Matrices.create(sub, rows, type);
      try (Workspace workspace = new Workspace(x, rows.length, rows[0].length)) {
        return new CentredPowerSums(workspace).supportsPairs();
      }
    }
  }

  /** A 30 x 2 matrix of values of about {@code scale}, with a spread of about {@code scale}. */
  private static double[][] scaled(double scale) {
    double[][] rows = Matrices.normal(30, 2, 6);
    for (double[] row : rows) {
      for (int j = 0; j < row.length; j++) {
        row[j] *= scale;
      }
    }
    return rows;
  }

  private static Function<CentredPowerSums, NDArray> fastStatistic(String name) {
    return switch (name) {
      case "variance" -> CentredPowerSums::variance;
      case "standardDeviation" -> CentredPowerSums::standardDeviation;
      case "skewness" -> CentredPowerSums::skewness;
      case "kurtosis" -> CentredPowerSums::kurtosis;
      case "covariance" -> CentredPowerSums::covariance;
      case "correlation" -> CentredPowerSums::correlation;
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static Function<RescaledColumns, NDArray> safeStatistic(String name) {
    return switch (name) {
      case "variance" -> RescaledColumns::variance;
      case "standardDeviation" -> RescaledColumns::standardDeviation;
      case "skewness" -> RescaledColumns::skewness;
      case "kurtosis" -> RescaledColumns::kurtosis;
      case "covariance" -> RescaledColumns::covariance;
      case "correlation" -> RescaledColumns::correlation;
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static double maxAbs(double[] values) {
    double max = 0;
    for (double v : values) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }
}
