package dev.shifter.shift.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.shifter.api.TargetValue;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TiltWeightsTest {
  private static final List<String> COLUMNS = List.of("a", "b");

  private static float[] rows(int n, long seed) {
    Random random = new Random(seed);
    float[] values = new float[2 * n];
    for (int i = 0; i < n; i++) {
      values[2 * i] = (float) random.nextGaussian();
      values[2 * i + 1] = (float) (3 + random.nextGaussian());
    }
    return values;
  }

  @Test
  void theWeightsGiveTheRowsTheTargetMeanAndSumToOne() {
    float[] values = rows(2000, 1);
    double[] weights = TiltWeights.of(List.of(new TargetValue("mean", "a", 0.3)), COLUMNS, values);

    assertThat(weights).isNotNull().hasSize(2000);
    double sum = 0;
    double mean = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      mean += weights[i] * values[2 * i];
    }
    assertThat(sum).isCloseTo(1, within(1e-9));
    assertThat(mean).isCloseTo(0.3, within(1e-4));
  }

  @Test
  void noWeightsForAFeatureWithoutAMomentConditionOrATargetNoReweightingReaches() {
    float[] values = rows(500, 2);

    assertThat(TiltWeights.of(List.of(new TargetValue("made_up", "a", 0.3)), COLUMNS, values)).isNull();
    assertThat(TiltWeights.of(List.of(new TargetValue("mean", "a", 10)), COLUMNS, values)).isNull();
    assertThat(TiltWeights.of(List.of(), COLUMNS, values)).isNull();
  }

  @Test
  void weightedQuantilesFollowTheWeights() {
    float[] values = {4, 1, 3, 2};

    assertThat(TiltWeights.quantiles(values, TiltWeights.uniform(4), 4)).containsExactly(1, 2, 3, 4);
    assertThat(TiltWeights.quantiles(values, new double[] {0.7, 0.1, 0.1, 0.1}, 4)).containsExactly(2, 4, 4, 4);
  }
}
