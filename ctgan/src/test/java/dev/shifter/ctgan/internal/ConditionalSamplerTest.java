package dev.shifter.ctgan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.shifter.api.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConditionalSamplerTest {
  private static final int ROWS = 4000;
  private final EncodedData data = SyntheticEncodings.small(ROWS, 7);
  private final ConditionalSampler sampler = new ConditionalSampler(data);

  @Test
  void trainingProbabilitiesAreProportionalToLogOnePlusCount() {
    for (int c = 0; c < 2; c++) {
      int[] counts = counts(c);
      double total = 0;
      for (int count : counts) {
        total += Math.log1p(count);
      }
      double[] p = sampler.trainingProbabilities(c);
      for (int k = 0; k < counts.length; k++) {
        assertThat(p[k]).isCloseTo(Math.log1p(counts[k]) / total, within(1e-12));
      }
    }
    assertThat(sampler.trainingProbabilities(1)[3]).isZero();
  }

  @Test
  void trainingDrawsAColumnUniformlyAndACategoryByLogFrequency() {
    int n = 200_000;
    ConditionalBatch batch = sampler.sampleTrain(n, new Random(1));
    double[][] frequency = new double[2][];
    frequency[0] = new double[3];
    frequency[1] = new double[4];
    int[] perColumn = new int[2];
    for (int i = 0; i < n; i++) {
      perColumn[batch.column()[i]]++;
      frequency[batch.column()[i]][batch.category()[i]]++;
    }
    assertThat(perColumn[0] / (double) n).isCloseTo(0.5, within(0.01));
    for (int c = 0; c < 2; c++) {
      double[] expected = sampler.trainingProbabilities(c);
      for (int k = 0; k < expected.length; k++) {
        assertThat(frequency[c][k] / perColumn[c]).as("column %d category %d", c, k)
            .isCloseTo(expected[k], within(0.01));
      }
    }
    // log-frequency flattens the distribution: the rarest seen category is drawn far above its share
    assertThat(frequency[0][2] / perColumn[0]).isGreaterThan(0.2);
    assertThat(frequency[1][3]).as("a category that never occurs is never asked for").isZero();
  }

  @Test
  void eachTrainingRowHasOneHotCondMaskAndAMatchingRealRow() {
    int n = 2000;
    ConditionalBatch batch = sampler.sampleTrain(n, new Random(2));
    assertThat(batch.condWidth()).isEqualTo(7);
    assertThat(batch.discreteColumns()).isEqualTo(2);
    List<DiscreteColumnInfo> columns = data.discrete();
    for (int i = 0; i < n; i++) {
      int c = batch.column()[i];
      int k = batch.category()[i];
      for (int j = 0; j < 7; j++) {
        float expected = j == columns.get(c).condOffset() + k ? 1f : 0f;
        assertThat(batch.cond()[i * 7 + j]).isEqualTo(expected);
      }
      for (int j = 0; j < 2; j++) {
        assertThat(batch.mask()[i * 2 + j]).isEqualTo(j == c ? 1f : 0f);
      }
      int row = batch.realRow()[i];
      assertThat(data.categoryOfRow()[c][row]).isEqualTo(k);
      assertThat(data.values()[row * data.width() + columns.get(c).dataOffset() + k]).isEqualTo(1f);
    }
  }

  @Test
  void originalSamplingFollowsTheEmpiricalFrequencies() {
    int n = 200_000;
    ConditionalBatch batch = sampler.sampleOriginal(n, new Random(3));
    double[][] frequency = {new double[3], new double[4]};
    int[] perColumn = new int[2];
    for (int i = 0; i < n; i++) {
      perColumn[batch.column()[i]]++;
      frequency[batch.column()[i]][batch.category()[i]]++;
      assertThat(data.categoryOfRow()[batch.column()[i]][batch.realRow()[i]])
          .isEqualTo(batch.category()[i]);
    }
    assertThat(perColumn[0] / (double) n).isCloseTo(0.5, within(0.01));
    for (int c = 0; c < 2; c++) {
      int[] counts = counts(c);
      for (int k = 0; k < counts.length; k++) {
        assertThat(frequency[c][k] / perColumn[c]).isCloseTo(counts[k] / (double) ROWS, within(0.01));
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameBatch() {
    ConditionalBatch a = sampler.sampleTrain(300, new Random(9));
    ConditionalBatch b = sampler.sampleTrain(300, new Random(9));
    assertThat(a.cond()).isEqualTo(b.cond());
    assertThat(a.realRow()).isEqualTo(b.realRow());
  }

  @Test
  void aPermutedBatchKeepsEachRowsConditionWithItsRealRow() {
    ConditionalBatch batch = sampler.sampleTrain(5, new Random(4));
    int[] permutation = {3, 0, 4, 1, 2};
    ConditionalBatch permuted = batch.permuted(permutation);
    for (int i = 0; i < 5; i++) {
      int from = permutation[i];
      assertThat(permuted.realRow()[i]).isEqualTo(batch.realRow()[from]);
      assertThat(permuted.category()[i]).isEqualTo(batch.category()[from]);
      for (int j = 0; j < 7; j++) {
        assertThat(permuted.cond()[i * 7 + j]).isEqualTo(batch.cond()[from * 7 + j]);
      }
    }
  }

  @Test
  void withoutDiscreteColumnsTheConditionHasWidthZeroAndRowsAreUniform() {
    EncodedData continuous = SyntheticEncodings.continuousOnly(50, 1);
    ConditionalSampler plain = new ConditionalSampler(continuous);
    ConditionalBatch batch = plain.sampleTrain(5000, new Random(5));
    assertThat(plain.condWidth()).isZero();
    assertThat(batch.cond()).isEmpty();
    assertThat(batch.mask()).isEmpty();
    int[] hits = new int[50];
    for (int row : batch.realRow()) {
      hits[row]++;
    }
    assertThat(Arrays.stream(hits).min().orElseThrow()).isGreaterThan(50);
    assertThat(Arrays.stream(hits).max().orElseThrow()).isLessThan(160);
    assertThat(plain.sampleOriginal(3, new Random(6)).column()).containsOnly(-1);
  }

  @Test
  void dataWithoutRowsIsRefusedWithAFix() {
    EncodedData empty = SyntheticEncodings.small(0, 1);
    assertThatThrownBy(() -> new ConditionalSampler(empty))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least one row");
  }

  private int[] counts(int column) {
    int[] counts = new int[data.discrete().get(column).categories()];
    for (int k : data.categoryOfRow()[column]) {
      counts[k]++;
    }
    return counts;
  }
}
