package dev.shifter.metafeatures.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The blocked Gram matrix: accurate values in float32, and the exact gradient of a plain product. */
class GramProductTest {
  private final NDManager manager = NDManager.newBaseManager();

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void aFloat32GramMatrixOverManyBlocksAndATailIsAccurateToAFewUnitsInTheLastPlace() {
    // 20,000 rows: 78 blocks of 256 and a tail of 32 rows.
    double[][] rows = Matrices.normal(20_000, 3, 11);
    double[][] asFloat = new double[rows.length][3];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < 3; j++) {
        asFloat[i][j] = (float) rows[i][j];
      }
    }
    Matrices.Evaluation gram = Matrices.evaluate(manager, asFloat, DataType.FLOAT32, w -> GramProduct.of(w, w.x()));
    double[] expected = new double[9];
    for (double[] row : asFloat) {
      for (int a = 0; a < 3; a++) {
        for (int b = 0; b < 3; b++) {
          expected[a * 3 + b] += row[a] * row[b];
        }
      }
    }
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        double scale = Math.sqrt(expected[a * 3 + a] * expected[b * 3 + b]);
        assertThat(Math.abs(gram.value()[a * 3 + b] - expected[a * 3 + b]) / scale).as("(%d, %d)", a, b)
            .isLessThan(5e-7);
      }
    }
  }

  @Test
  void theGramGradientIsThatOfThePlainProduct() {
    double[][] rows = Matrices.normal(600, 2, 12);
    Matrices.Evaluation blocked = Matrices.evaluate(manager, rows, DataType.FLOAT64, w -> GramProduct.of(w, w.x()));
    Matrices.Evaluation plain = Matrices.evaluate(manager, rows, DataType.FLOAT64,
        w -> w.x().transpose().matMul(w.x()));
    assertThat(blocked.value()).containsExactly(plain.value(), within(1e-9));
    assertThat(blocked.gradient()).containsExactly(plain.gradient(), within(1e-9));
  }

  @Test
  void withMoreColumnsThanBlockRowsTheBlocksGrowAndTheValueStaysTheProduct() {
    // 300 columns: blocks of 300 rows, two of them and a tail of 50.
    double[][] rows = Matrices.normal(650, 300, 14);
    Matrices.Evaluation blocked = Matrices.evaluate(manager, rows, DataType.FLOAT64, w -> GramProduct.of(w, w.x()));
    Matrices.Evaluation plain = Matrices.evaluate(manager, rows, DataType.FLOAT64,
        w -> w.x().transpose().matMul(w.x()));
    for (int k = 0; k < plain.value().length; k++) {
      assertThat(blocked.value()[k]).isCloseTo(plain.value()[k], within(1e-9 * (1 + Math.abs(plain.value()[k]))));
    }
  }
}
