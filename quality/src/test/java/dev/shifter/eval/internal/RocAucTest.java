package dev.shifter.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RocAucTest {

  @Test
  void aucCountsTheShareOfCorrectlyOrderedPairs() {
    // Pairs (positive, negative): (0.35, 0.1) yes, (0.35, 0.4) no, (0.8, 0.1) yes, (0.8, 0.4) yes.
    double auc = RocAuc.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true});

    assertThat(auc).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void aTiedPairCountsOneHalf() {
    // Positives 0.5, 0.9; negatives 0.5, 0.2: pairs 0.5 (tie), 1, 1, 1 -> 3.5 / 4.
    double auc = RocAuc.of(new double[] {0.5, 0.5, 0.2, 0.9}, new boolean[] {true, false, false, true});

    assertThat(auc).isCloseTo(0.875, within(1e-12));
  }

  @Test
  void allScoresTiedGiveOneHalf() {
    double auc = RocAuc.of(new double[] {0.3, 0.3, 0.3, 0.3, 0.3}, new boolean[] {true, false, true, false, false});

    assertThat(auc).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void perfectAndReversedRankingsGiveOneAndZero() {
    boolean[] positive = {false, false, true, true};

    assertThat(RocAuc.of(new double[] {1, 2, 3, 4}, positive)).isEqualTo(1.0);
    assertThat(RocAuc.of(new double[] {4, 3, 2, 1}, positive)).isEqualTo(0.0);
  }

  @Test
  void aSingleClassIsRefused() {
    assertThatThrownBy(() -> RocAuc.of(new double[] {1, 2}, new boolean[] {true, true}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive and negative");
  }
}
