package dev.shifter.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KolmogorovSmirnovTest {
  private static final double NAN = Double.NaN;

  @Test
  void statisticIsTheLargestGapBetweenTheEmpiricalDistributions() {
    double d = KolmogorovSmirnov.statistic(new double[] {1, 2, 3, 4}, new double[] {3, 4, 5, 6});

    assertThat(d).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void tiedValuesStepBothDistributionsBeforeComparing() {
    // F_a: 1 -> 1/4, 2 -> 3/4, 3 -> 1; F_b: 2 -> 1/4, 3 -> 1. Gaps 1/4, 1/2, 0.
    double d = KolmogorovSmirnov.statistic(new double[] {2, 1, 3, 2}, new double[] {3, 2, 3, 3});

    assertThat(d).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void samplesOfDifferentSizesUseTheirOwnDenominators() {
    // F_a: 1 -> 1/2, 2 -> 1; F_b: 2 -> 1/3, 3 -> 2/3, 4 -> 1. Largest gap at 2: 1 - 1/3.
    double d = KolmogorovSmirnov.statistic(new double[] {1, 2}, new double[] {2, 3, 4});

    assertThat(d).isCloseTo(2.0 / 3, within(1e-12));
  }

  @Test
  void missingValuesAreIgnored() {
    double withMissing = KolmogorovSmirnov.statistic(new double[] {1, NAN, 2, 3, 4}, new double[] {NAN, 3, 4, 5, 6});

    assertThat(withMissing).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void complementIsOneForEqualSamplesAndZeroForDisjointOnes() {
    assertThat(KolmogorovSmirnov.complement(new double[] {3, 1, 2}, new double[] {1, 2, 3})).isEqualTo(1.0);
    assertThat(KolmogorovSmirnov.complement(new double[] {1, 2}, new double[] {5, 6, 7})).isEqualTo(0.0);
  }

  @Test
  void aColumnMissingEverywhereInOneTableOnlyScoresZero() {
    assertThat(KolmogorovSmirnov.complement(new double[] {NAN, NAN}, new double[] {1})).isEqualTo(0.0);
    assertThat(KolmogorovSmirnov.complement(new double[] {NAN}, new double[] {NAN, NAN})).isEqualTo(1.0);
  }
}
