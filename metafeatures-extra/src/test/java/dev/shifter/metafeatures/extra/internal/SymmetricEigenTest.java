package dev.shifter.metafeatures.extra.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

  @Test
  void aTwoByTwoMatrixHasItsKnownEigenvaluesLargestFirst() {
    SymmetricEigen eigen = SymmetricEigen.of(new double[] {2.0, 1.0, 1.0, 2.0}, 2);

    assertThat(eigen.values()).containsExactly(new double[] {3.0, 1.0}, within(1e-14));
    double[] v = eigen.vectors();
    assertThat(Math.abs(v[0])).isCloseTo(Math.sqrt(0.5), within(1e-14));
    assertThat(v[0] * v[2]).isCloseTo(0.5, within(1e-14));
  }

  @Test
  void aRandomSymmetricMatrixIsReconstructedFromItsEigenPairs() {
    int d = 7;
    Random random = new Random(3);
    double[] b = random.doubles(d * d, -1, 1).toArray();
    double[] a = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double sum = 0;
        for (int k = 0; k < d; k++) {
          sum += b[i * d + k] * b[j * d + k];
        }
        a[i * d + j] = sum;
      }
    }

    SymmetricEigen eigen = SymmetricEigen.of(a, d);
    double[] values = eigen.values();
    double[] v = eigen.vectors();

    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double sum = 0;
        double dot = 0;
        for (int k = 0; k < d; k++) {
          sum += v[i * d + k] * values[k] * v[j * d + k];
          dot += v[k * d + i] * v[k * d + j];
        }
        assertThat(sum).as("A[%d][%d]", i, j).isCloseTo(a[i * d + j], within(1e-12));
        assertThat(dot).as("orthonormality (%d, %d)", i, j).isCloseTo(i == j ? 1.0 : 0.0, within(1e-12));
      }
    }
    assertThat(values).isSortedAccordingTo((x, y) -> Double.compare(y, x));
  }

  @Test
  void theZeroMatrixHasZeroEigenvaluesAndTheIdentityAsEigenvectors() {
    SymmetricEigen eigen = SymmetricEigen.of(new double[9], 3);

    assertThat(eigen.values()).containsOnly(0.0);
    assertThat(eigen.vectors()).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1);
  }
}
