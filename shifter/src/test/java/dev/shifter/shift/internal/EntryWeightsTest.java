package dev.shifter.shift.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntryWeightsTest {
  private static final float[] SCALES = {2f, 4f, 8f};

  @Test
  void anEntryOutsideItsToleranceWeighsMoreAndTheMeanWeightStaysOne() {
    EntryWeights weights = new EntryWeights(3, true);
    weights.update(new double[] {3.0, 0.7, 0.7}, 0.5);

    assertThat(weights.values()).containsExactly(1.5, 1.0, 1.0);
    float[] scaled = weights.weightedScales(SCALES);
    double mean = (1.5 + 1 + 1) / 3;
    assertThat(scaled[0]).isCloseTo((float) (2 / Math.sqrt(1.5 / mean)), within(1e-6f));
    assertThat(scaled[1]).isCloseTo((float) (4 / Math.sqrt(1 / mean)), within(1e-6f));
  }

  @Test
  void weightsAreCappedAndFallBackOnceTheEntryIsWellWithin() {
    EntryWeights weights = new EntryWeights(2, true);
    for (int i = 0; i < 20; i++) {
      weights.update(new double[] {Double.POSITIVE_INFINITY, 0.8}, 0.5);
    }
    assertThat(weights.values()).containsExactly(16.0, 1.0);

    weights.update(new double[] {0.1, 0.8}, 0.5);
    assertThat(weights.values().get(0)).isCloseTo(16 / 1.5, within(1e-12));
    for (int i = 0; i < 20; i++) {
      weights.update(new double[] {0.1, 0.1}, 0.5);
    }
    assertThat(weights.values()).containsExactly(1.0, 1.0);
  }

  @Test
  void fixedWeightsAndASingleEntryNeverChange() {
    EntryWeights fixed = new EntryWeights(2, false);
    fixed.update(new double[] {9, 9}, 0.5);
    EntryWeights single = new EntryWeights(1, true);
    single.update(new double[] {9}, 0.5);

    assertThat(fixed.values()).containsExactly(1.0, 1.0);
    assertThat(single.values()).containsExactly(1.0);
    assertThat(fixed.weightedScales(new float[] {2f, 3f})).containsExactly(2f, 3f);
  }

  @Test
  void aCheckpointsWeightsAreRestoredAndAWrongCountIsRefused() {
    EntryWeights weights = new EntryWeights(2, true);
    weights.restore(List.of(4.0, 1.5));
    weights.restore(null);

    assertThat(weights.values()).containsExactly(4.0, 1.5);
    assertThatThrownBy(() -> weights.restore(List.of(1.0))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 entry weights for 2 entries");
  }
}
