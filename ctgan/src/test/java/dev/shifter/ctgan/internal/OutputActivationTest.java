package dev.shifter.ctgan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OutputActivationTest {
  private final EncodedData data = SyntheticEncodings.small(10, 1);

  @Test
  void scalarsGetTanhAndEachOneHotBlockSumsToOne() {
    Engine.getInstance().setRandomSeed(3);
    try (NDManager manager = NDManager.newBaseManager()) {
      int n = 64;
      NDArray logits = manager.randomNormal(0f, 2f, new Shape(n, data.width()),
          DataType.FLOAT32);
      float[] raw = logits.toFloatArray();
      float[] out = new OutputActivation(data.spans(), data.width()).activate(logits, 0.2f)
          .toFloatArray();
      for (int i = 0; i < n; i++) {
        for (OutputSpan span : data.spans()) {
          int at = i * data.width() + span.offset();
          if (span.activation() == Activation.TANH) {
            assertThat(out[at]).isCloseTo((float) Math.tanh(raw[at]), within(1e-6f));
          } else {
            float sum = 0;
            for (int j = 0; j < span.width(); j++) {
              assertThat(out[at + j]).isBetween(0f, 1f);
              sum += out[at + j];
            }
            assertThat(sum).isCloseTo(1f, within(1e-5f));
          }
        }
      }
    }
  }

  @Test
  void gumbelSoftmaxPicksEachCategoryWithItsSoftmaxProbability() {
    Engine.getInstance().setRandomSeed(4);
    int n = 20_000;
    List<OutputSpan> spans = List.of(
        new OutputSpan(0, 1, Activation.TANH), new OutputSpan(1, 3, Activation.SOFTMAX),
        new OutputSpan(4, 2, Activation.SOFTMAX));
    float[] row = {0.3f, 0f, (float) Math.log(2), (float) Math.log(4), 1f, 1f};
    float[] logits = new float[n * row.length];
    for (int i = 0; i < n; i++) {
      System.arraycopy(row, 0, logits, i * row.length, row.length);
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      float[] out = new OutputActivation(spans, 6)
          .activate(manager.create(logits, new Shape(n, 6)), 0.2f).toFloatArray();
      double[] wins = new double[3];
      double nearlyOneHot = 0;
      for (int i = 0; i < n; i++) {
        int best = 0;
        for (int j = 1; j < 3; j++) {
          if (out[i * 6 + 1 + j] > out[i * 6 + 1 + best]) {
            best = j;
          }
        }
        wins[best]++;
        nearlyOneHot += out[i * 6 + 1 + best] > 0.9f ? 1 : 0;
      }
      assertThat(wins[0] / n).isCloseTo(1 / 7.0, within(0.015));
      assertThat(wins[1] / n).isCloseTo(2 / 7.0, within(0.015));
      assertThat(wins[2] / n).isCloseTo(4 / 7.0, within(0.015));
      assertThat(nearlyOneHot / n).as("tau 0.2 gives nearly one-hot rows").isGreaterThan(0.7);
    }
  }

  @Test
  void theConditionalLossIsTheCrossEntropyOfTheConditionedColumn() {
    assertConditionalLossIsCrossEntropy(data, SyntheticEncodings.small(200, 2));
    EncodedData adultLike = SyntheticEncodings.adultLike(300, 3);
    assertConditionalLossIsCrossEntropy(adultLike, adultLike);
  }

  @Test
  void blocksOfVeryDifferentWidthsAreEachNormalised() {
    EncodedData adultLike = SyntheticEncodings.adultLike(20, 4);
    Engine.getInstance().setRandomSeed(6);
    try (NDManager manager = NDManager.newBaseManager()) {
      float[] out = new OutputActivation(adultLike.spans(), adultLike.width())
          .activate(manager.randomNormal(new Shape(8, adultLike.width())), 0.2f).toFloatArray();
      for (int i = 0; i < 8; i++) {
        for (OutputSpan span : adultLike.spans()) {
          if (span.activation() == Activation.SOFTMAX) {
            float sum = 0;
            for (int j = 0; j < span.width(); j++) {
              sum += out[i * adultLike.width() + span.offset() + j];
            }
            assertThat(sum).as("row %d span at %d", i, span.offset()).isCloseTo(1f, within(1e-5f));
          }
        }
      }
    }
  }

  private static void assertConditionalLossIsCrossEntropy(EncodedData encoding, EncodedData sampled) {
    Engine.getInstance().setRandomSeed(5);
    try (NDManager manager = NDManager.newBaseManager()) {
      int n = 40;
      ConditionalBatch batch = new ConditionalSampler(sampled).sampleTrain(n, new Random(1));
      NDArray logits = manager.randomNormal(0f, 3f, new Shape(n, encoding.width()), DataType.FLOAT32);
      float loss = new ConditionalLoss(encoding.discrete(), encoding.condWidth())
          .of(logits, batch.condArray(manager)).getFloat();

      float[] raw = logits.toFloatArray();
      int width = encoding.width();
      double expected = 0;
      for (int i = 0; i < n; i++) {
        DiscreteColumnInfo column = encoding.discrete().get(batch.column()[i]);
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < column.categories(); j++) {
          max = Math.max(max, raw[i * width + column.dataOffset() + j]);
        }
        double sum = 0;
        for (int j = 0; j < column.categories(); j++) {
          sum += Math.exp(raw[i * width + column.dataOffset() + j] - max);
        }
        double chosen = raw[i * width + column.dataOffset() + batch.category()[i]];
        expected += -(chosen - max - Math.log(sum));
      }
      assertThat((double) loss).isCloseTo(expected / n, within(1e-5 * Math.max(1, expected / n)));
    }
  }
}
