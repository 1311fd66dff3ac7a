package dev.shifter.metafeatures.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.shifter.api.MetaFeature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Degenerate float32 input: every feature must give finite values with finite gradients, and the
 * values each feature's Javadoc documents.
 */
class DegenerateInputTest {
  private static final double CAP = 0.5 * Math.log(1 / GaussianMutualInformation.MIN_ONE_MINUS_R_SQUARED);

  private final NDManager manager = NDManager.newBaseManager();

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void aConstantColumnHasNoSpreadNoShapeAndNoCorrelation() {
    double[][] rows = {{0.1, 1}, {0.1, 2}, {0.1, 4}, {0.1, 7}, {0.1, 5}};
    Map<String, Features.Evaluation> results = evaluateAll(rows);
    float c = 0.1f;
    assertColumn(results, "mean", 0, c);
    assertColumn(results, "median", 0, c);
    assertColumn(results, "iq_range", 0, 0);
    assertColumn(results, "sd", 0, 0);
    assertColumn(results, "var", 0, 0);
    assertColumn(results, "skewness", 0, 0);
    assertColumn(results, "kurtosis", 0, -3);
    for (String pair : new String[] {"cor", "cov", "gaussian_mi"}) {
      assertColumn(results, pair, 0, 0);
    }
    // The other column is unaffected, and the mean's gradient stays exactly 1/n on the constant column.
    assertColumn(results, "sd", 1, ReferenceValues.of("sd", rows)[1]);
    for (double g : results.get("mean").gradient()) {
      assertThat(g).isCloseTo(0.2, within(1e-6));
    }
    assertThat(results.get("sd").gradient()[0]).isZero();
  }

  @Test
  void aSingleRowIsItsOwnLocationWithZeroSpread() {
    double[][] rows = {{2.5, -1, 7}};
    Map<String, Features.Evaluation> results = evaluateAll(rows);
    assertThat(results.get("mean").value()).containsExactly(2.5, -1, 7);
    assertThat(results.get("median").value()).containsExactly(2.5, -1, 7);
    assertThat(results.get("iq_range").value()).containsOnly(0);
    assertThat(results.get("sd").value()).containsOnly(0);
    assertThat(results.get("var").value()).containsOnly(0);
    assertThat(results.get("skewness").value()).containsOnly(0);
    assertThat(results.get("kurtosis").value()).containsOnly(-3);
    for (String pair : new String[] {"cor", "cov", "gaussian_mi"}) {
      assertThat(results.get(pair).value()).as(pair).hasSize(3).containsOnly(0);
    }
    assertThat(results.get("mean").gradient()).containsOnly(1);
  }

  @Test
  void twoRowsGiveTheTwoPointValues() {
    double[][] rows = {{1, 5}, {3, 1}};
    Map<String, Features.Evaluation> results = evaluateAll(rows);
    assertValues(results, "mean", 2, 3);
    assertValues(results, "median", 2, 3);
    assertValues(results, "iq_range", 1, 2);
    assertValues(results, "sd", Math.sqrt(2), Math.sqrt(8));
    assertValues(results, "var", 2, 8);
    assertValues(results, "skewness", 0, 0);
    assertValues(results, "kurtosis", -2.75, -2.75);
    assertValues(results, "cor", 1);
    assertValues(results, "cov", 4);
    assertThat(results.get("gaussian_mi").value()).containsExactly(new double[] {CAP}, within(1e-3));
  }

  @Test
  void valuesNear1e30DoNotOverflowAndVarianceSaturates() {
    double[][] rows = {{1e30, -3e30}, {2e30, -1e30}, {4e30, -4e30}, {8e30, -1e30}, {3e30, -5e30}};
    Map<String, Features.Evaluation> results = evaluateAll(rows);
    double[][] asFloat = Features.roundedToFloat(rows);
    for (String name : new String[] {"mean", "median", "iq_range", "sd", "skewness", "kurtosis", "cor", "gaussian_mi"}) {
      assertClose(name, results.get(name).value(), ReferenceValues.of(name, asFloat), 1e-4);
    }
    // A variance near 1e61 is not a float32: it saturates at the largest finite float32.
    assertThat(results.get("var").value()).containsOnly((double) Float.MAX_VALUE);
    assertThat(results.get("cov").value()).containsOnly((double) Float.MAX_VALUE);
  }

  @Test
  void valuesNear1e36StayFinite() {
    double big = 1e36;
    double[][] rows = {{big, -big}, {-big, 0.3 * big}, {0.3 * big, big}, {0, -0.6 * big}};
    Map<String, Features.Evaluation> results = evaluateAll(rows);
    assertThat(results.get("mean").value()[0]).isCloseTo(0.075 * big, within(1e-6 * big));
    assertThat(results.get("median").value()[0]).isCloseTo(0.15 * big, within(1e-6 * big));
    assertThat(results.get("cor").value()[0]).isBetween(0.0, 1.0);
  }

  @Test
  void manyRowsNear1e30StayFinite() {
    double[][] rows = new double[5000][2];
    for (int i = 0; i < rows.length; i++) {
      rows[i][0] = 1e30 * Math.sin(i);
      rows[i][1] = 1e30 * (1 + Math.cos(3.0 * i) * Math.cos(i));
    }
    Map<String, Features.Evaluation> results = evaluateAll(rows);
    assertClose("sd", results.get("sd").value(), ReferenceValues.of("sd", Features.roundedToFloat(rows)), 1e-4);
  }

  @Test
  void valuesThatDifferInTheSeventhDigitKeepTheirSpreadAndShape() {
    double[] a = {1.000001, 1.000002, 1.000003, 1.000004, 1.000005, 1.000006, 1.000007};
    double[] b = {1.000003, 1.000001, 1.000007, 1.000002, 1.000006, 1.000004, 1.000005};
    double[][] rows = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      rows[i] = new double[] {a[i], b[i]};
    }
    Map<String, Features.Evaluation> results = evaluateAll(rows);
    double[][] asFloat = Features.roundedToFloat(rows);
    for (MetaFeature feature : Features.all()) {
      String name = feature.name();
      double tolerance = name.equals("kurtosis") ? 1e-3 : 1e-4;
      double[] expected = ReferenceValues.of(name, asFloat);
      if (name.equals("iq_range")) {
        // The quartiles are computed from differences of the data, so the range keeps its digits.
        assertClose(name, results.get(name).value(), expected, 1e-3);
      } else {
        assertClose(name, results.get(name).value(), expected, tolerance);
      }
    }
  }

  /** Computes every feature with its gradient and checks that both are finite. */
  private Map<String, Features.Evaluation> evaluateAll(double[][] rows) {
    Map<String, Features.Evaluation> results = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (MetaFeature feature : Features.all()) {
      Features.Evaluation evaluation = Features.evaluate(manager, feature, rows, DataType.FLOAT32);
      if (!allFinite(evaluation.value())) {
        problems.add(feature.name() + " value " + Arrays.toString(evaluation.value()));
      }
      if (!allFinite(evaluation.gradient())) {
        problems.add(feature.name() + " gradient " + Arrays.toString(evaluation.gradient()));
      }
      results.put(feature.name(), evaluation);
    }
    assertThat(problems).as("non-finite values or gradients").isEmpty();
    return results;
  }

  private static boolean allFinite(double[] values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  private static void assertColumn(Map<String, Features.Evaluation> results, String name, int index, double expected) {
    assertThat(results.get(name).value()[index]).as("%s[%d]", name, index)
        .isCloseTo(expected, within(1e-6 * Math.max(1, Math.abs(expected))));
  }

  private static void assertValues(Map<String, Features.Evaluation> results, String name, double... expected) {
    assertThat(results.get(name).value()).as(name).containsExactly(expected, within(1e-5));
  }

  private static void assertClose(String name, double[] actual, double[] expected, double tolerance) {
    assertThat(actual).as(name).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("%s[%d]", name, i)
          .isCloseTo(expected[i], within(tolerance * Math.max(Math.abs(expected[i]), 1e-3)));
    }
  }
}
