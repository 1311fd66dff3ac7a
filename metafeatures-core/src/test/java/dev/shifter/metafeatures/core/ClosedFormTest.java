package dev.shifter.metafeatures.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaFeature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Small matrices whose features are known in closed form, worked out by hand. */
class ClosedFormTest {
  private static final double TOLERANCE = 1e-5;

  /** Column 0: 1, 2, 3, 4. Column 1: 1, 3, 2, 4. Column 2: 0, 0, 0, 1. */
  private static final double[][] SMALL = {
    {1, 1, 0},
    {2, 3, 0},
    {3, 2, 0},
    {4, 4, 1},
  };

  private final NDManager manager = NDManager.newBaseManager();

  @AfterEach
  void close() {
    manager.close();
  }

  private double[] compute(String name, double[][] rows) {
    return Features.compute(manager, Features.named(name), rows, DataType.FLOAT32);
  }

  @Test
  void meanMedianAndInterquartileRangeOfOneToFour() {
    assertThat(compute("mean", SMALL)).containsExactly(new double[] {2.5, 2.5, 0.25}, within(TOLERANCE));
    assertThat(compute("median", SMALL)).containsExactly(new double[] {2.5, 2.5, 0}, within(TOLERANCE));
    // Q25 sits at position 0.75 (1.75), Q75 at 2.25 (3.25); column 2: Q25 = 0, Q75 = 0.25.
    assertThat(compute("iq_range", SMALL)).containsExactly(new double[] {1.5, 1.5, 0.25}, within(TOLERANCE));
  }

  @Test
  void varianceAndStandardDeviationUseNMinusOne() {
    assertThat(compute("var", SMALL)).containsExactly(new double[] {5.0 / 3, 5.0 / 3, 0.25}, within(TOLERANCE));
    assertThat(compute("sd", SMALL))
        .containsExactly(new double[] {Math.sqrt(5.0 / 3), Math.sqrt(5.0 / 3), 0.5}, within(TOLERANCE));
  }

  @Test
  void skewnessAndKurtosisUseCentralMomentsOverTheSampleStandardDeviation() {
    // 1..4: m3 = 0, m4 = 2.5625, s^4 = 25/9. 0,0,0,1: m3 = 0.09375, m4 = 0.08203125, s = 0.5.
    assertThat(compute("skewness", SMALL)).containsExactly(new double[] {0, 0, 0.75}, within(TOLERANCE));
    assertThat(compute("kurtosis", SMALL))
        .containsExactly(new double[] {2.5625 * 9 / 25 - 3, 2.5625 * 9 / 25 - 3, 1.3125 - 3}, within(TOLERANCE));
  }

  @Test
  void pairFeaturesOfAKnownCovarianceMatrix() {
    // Deviations: a = (-1.5, -0.5, 0.5, 1.5), b = (-1.5, 0.5, -0.5, 1.5), c = (-0.25, -0.25, -0.25, 0.75).
    // cov(a,b) = 4/3, cov(a,c) = 0.5, cov(b,c) = 0.5; var a = var b = 5/3, var c = 0.25.
    double rab = (4.0 / 3) / (5.0 / 3);
    double rac = 0.5 / Math.sqrt(5.0 / 3 * 0.25);
    assertThat(compute("cov", SMALL)).containsExactly(new double[] {4.0 / 3, 0.5, 0.5}, within(TOLERANCE));
    assertThat(compute("cor", SMALL)).containsExactly(new double[] {rab, rac, rac}, within(TOLERANCE));
    assertThat(compute("gaussian_mi", SMALL)).containsExactly(new double[] {
        -0.5 * Math.log(1 - rab * rab), -0.5 * Math.log(1 - rac * rac), -0.5 * Math.log(1 - rac * rac)},
        within(TOLERANCE));
  }

  @Test
  void pairsComeInRowMajorUpperTriangleOrderAndCovarianceIsAbsolute() {
    // Column k is (k + 1) * (-1)^k * t, so |cov(i, j)| = (i + 1)(j + 1) var(t) with var(t) = 5/3.
    double[][] rows = new double[4][4];
    for (int i = 0; i < 4; i++) {
      for (int k = 0; k < 4; k++) {
        rows[i][k] = (k + 1) * (k % 2 == 0 ? 1 : -1) * (i + 1.0);
      }
    }
    double v = 5.0 / 3;
    assertThat(compute("cov", rows))
        .containsExactly(new double[] {2 * v, 3 * v, 4 * v, 6 * v, 8 * v, 12 * v}, within(1e-4));
    assertThat(compute("cor", rows)).containsExactly(new double[] {1, 1, 1, 1, 1, 1}, within(TOLERANCE));
  }

  @Test
  void collinearColumnsHitTheDocumentedMutualInformationCap() {
    double cap = 0.5 * Math.log(1 / GaussianMutualInformation.MIN_ONE_MINUS_R_SQUARED);
    double[][] rows = {{1, 2}, {2, 4}, {3, 6}, {5, 10}};
    assertThat(compute("gaussian_mi", rows)).containsExactly(new double[] {cap}, within(1e-3));
  }

  @Test
  void resultsHaveTheLengthTheArityPromises() {
    double[][] rows = new double[6][5];
    for (int i = 0; i < 6; i++) {
      for (int j = 0; j < 5; j++) {
        rows[i][j] = Math.sin(i * 5 + j);
      }
    }
    for (MetaFeature feature : Features.all()) {
      assertThat(compute(feature.name(), rows)).as(feature.name()).hasSize(feature.arity().outputLength(5));
    }
  }

  @Test
  void pairFeaturesOfASingleColumnAreEmpty() {
    double[][] rows = {{1}, {2}, {4}};
    for (String name : new String[] {"cor", "cov", "gaussian_mi"}) {
      assertThat(compute(name, rows)).as(name).isEmpty();
    }
  }

  @Test
  void float64InputGivesFloat64Output() {
    try (NDManager sub = manager.newSubManager()) {
      NDArray x = Features.matrix(sub, SMALL, DataType.FLOAT64);
      for (MetaFeature feature : Features.all()) {
        assertThat(feature.compute(x).getDataType()).as(feature.name()).isEqualTo(DataType.FLOAT64);
      }
    }
  }

  @Test
  void computeLeavesOnlyItsResultInTheCallersManager() {
    try (NDManager sub = manager.newSubManager()) {
      NDArray x = Features.matrix(sub, SMALL, DataType.FLOAT32);
      int before = sub.getManagedArrays().size();
      for (MetaFeature feature : Features.all()) {
        feature.compute(x).close();
      }
      assertThat(sub.getManagedArrays()).hasSize(before);
    }
  }

  @Test
  void aVectorIsRejectedWithAMessageThatSaysWhatToPass() {
    try (NDManager sub = manager.newSubManager()) {
      NDArray vector = sub.create(new float[] {1, 2, 3});
      assertThatThrownBy(() -> new Mean().compute(vector))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("'mean'")
          .hasMessageContaining("n x d matrix")
          .hasMessageContaining("(3)");
    }
  }

  @Test
  void anIntegerMatrixIsRejectedWithAMessageThatSaysHowToConvert() {
    try (NDManager sub = manager.newSubManager()) {
      NDArray ints = sub.create(new int[] {1, 2, 3, 4}, new Shape(2, 2));
      assertThatThrownBy(() -> new Correlation().compute(ints))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("float32 or float64")
          .hasMessageContaining("toType");
    }
  }
}
