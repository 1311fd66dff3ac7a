package dev.shifter.metafeatures.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Selection gives exactly the sorted columns' entries, with ties, and gradients like a sort's. */
class OrderStatisticsTest {
  private static final double[] PROBABILITIES = {0, 0.1, 0.25, 0.5, 0.75, 0.9, 1};

  private final NDManager manager = NDManager.newBaseManager();

  @AfterEach
  void close() {
    manager.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 7, 8, 100, 513})
  void selectsTheSortedColumnsEntriesOnEitherSideOfEveryQuantile(int n) {
    double[][] rows = withTies(n, 3, n);
    for (double p : PROBABILITIES) {
      QuantilePosition q = QuantilePosition.of(n, p);
      for (boolean upper : new boolean[] {false, true}) {
        Matrices.Evaluation selected = Matrices.evaluate(manager, rows, DataType.FLOAT32,
            w -> {
              Bracket bracket = OrderStatistics.around(w, List.of(q)).get(0);
              return upper ? bracket.upper() : bracket.lower();
            });
        int position = upper && q.fraction() != 0 ? q.upper() : q.lower();
        for (int j = 0; j < 3; j++) {
          double expected = sortedColumn(rows, j)[position];
          assertThat(selected.value()[j]).as("p = %s, column %d, %s", p, j, upper ? "upper" : "lower")
              .isEqualTo(expected);
          assertGradientPicksOneEntryWithTheValue(rows, selected.gradient(), j, expected);
        }
      }
    }
  }

  /** The gradient of a weighted order statistic is its weight at one entry of the column holding its value. */
  private static void assertGradientPicksOneEntryWithTheValue(
      double[][] rows, double[] gradient, int column, double value) {
    int d = rows[0].length;
    int nonZero = 0;
    for (int i = 0; i < rows.length; i++) {
      double g = gradient[i * d + column];
      if (g != 0) {
        nonZero++;
        assertThat((float) rows[i][column]).isEqualTo((float) value);
      }
    }
    assertThat(nonZero).as("entries with a gradient in column %d", column).isEqualTo(1);
  }

  private static double[] sortedColumn(double[][] rows, int column) {
    double[] values = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      values[i] = (float) rows[i][column];
    }
    Arrays.sort(values);
    return values;
  }

  /** Small integers (many ties) in column 0, distinct values in the others. */
  private static double[][] withTies(int n, int d, long seed) {
    Random random = new Random(seed);
    double[][] rows = new double[n][d];
    for (int i = 0; i < n; i++) {
      rows[i][0] = random.nextInt(4);
      for (int j = 1; j < d; j++) {
        rows[i][j] = random.nextGaussian() * j;
      }
    }
    return rows;
  }
}
