package dev.shifter.ctgan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class SegmentLayoutTest {
  /** Two segments of widths 3 and 5; the first is padded to 5. */
  private final SegmentLayout layout = new SegmentLayout(new int[] {0, 3}, new int[] {3, 5});

  /** A saturated row: spreads of 95-200 within a segment, as a Gumbel-softmax at tau 0.2 makes late in training. */
  private static final float[] SATURATED = {0f, -95f, -200f, 10f, -80f, -90f, -20f, 5f};

  private static final float[] WEIGHTS = {0.3f, -1.2f, 0.7f, 0.002f, -0.5f, 1.1f, 0.4f, -0.9f};

  @Test
  void theUnflooredSoftmaxOfASaturatedRowIsSubnormalSoTheFloorHasSomethingToDo() {
    try (NDManager manager = NDManager.newBaseManager()) {
      float[] plain = layout.softmax(manager.create(SATURATED, new Shape(1, 8)), false).toFloatArray();
      assertThat(countSubnormal(plain)).isPositive();
    }
  }

  @Test
  void theFlooredSoftmaxAgreesWithThePlainOneWhereFloat32CanTellAndIsNeverSubnormal() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.create(SATURATED, new Shape(1, 8));
      float[] floored = layout.flooredSoftmax(x, 40f).toFloatArray();
      float[] plain = layout.softmax(x, false).toFloatArray();
      assertThat(countSubnormal(floored)).isZero();
      for (int i = 0; i < floored.length; i++) {
        if (plain[i] > 1e-17f) {
          assertThat(floored[i]).as("entry %d", i).isCloseTo(plain[i], within(plain[i] * 1e-6f));
        } else {
          assertThat(floored[i]).as("entry %d", i).isLessThan(1e-16f);
        }
      }
      assertThat(floored[3]).as("a pad entry of the narrow segment").isZero();
      assertThat(floored[4]).as("a pad entry of the narrow segment").isZero();
      float first = floored[0] + floored[1] + floored[2];
      float second = floored[5] + floored[6] + floored[7] + floored[8] + floored[9];
      assertThat(first).isCloseTo(1f, within(1e-6f));
      assertThat(second).isCloseTo(1f, within(1e-6f));
    }
  }

  @Test
  void theFlooredSoftmaxsGradientHasNoSubnormalEntriesAndMatchesThePlainOneAboveTheFloor() {
    float[] floored = gradient(true);
    float[] plain = gradient(false);
    assertThat(countSubnormal(plain)).as("the plain gradient of a saturated row").isPositive();
    assertThat(countSubnormal(floored)).isZero();
    for (int i = 0; i < floored.length; i++) {
      if (Math.abs(plain[i]) > 1e-12f) {
        assertThat(floored[i]).as("entry %d", i).isCloseTo(plain[i], within(Math.abs(plain[i]) * 1e-5f));
      } else {
        assertThat(Math.abs(floored[i])).as("entry %d", i).isLessThan(1e-12f);
      }
    }
  }

  @Test
  void rowsWithoutSaturationGetExactlyThePlainSoftmax() {
    float[] mild = {0.5f, -1f, 2f, 0f, 1f, -3f, 0.25f, 4f};
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.create(mild, new Shape(1, 8));
      float[] floored = layout.flooredSoftmax(x, 40f).toFloatArray();
      float[] plain = layout.softmax(x, false).toFloatArray();
      for (int i = 0; i < floored.length; i++) {
        assertThat(floored[i]).as("entry %d", i).isCloseTo(plain[i], within(1e-6f));
      }
    }
  }

  private float[] gradient(boolean floor) {
    try (NDManager manager = NDManager.newBaseManager();
        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray x = manager.create(SATURATED, new Shape(1, 8));
      x.setRequiresGradient(true);
      NDArray padded = floor ? layout.flooredSoftmax(x, 40f) : layout.softmax(x, false);
      NDArray back = SegmentLayout.gatherBack(padded, layout.backIndex(new int[] {0, 3}, 8));
      collector.backward(back.mul(manager.create(WEIGHTS, new Shape(1, 8))).sum());
      return x.getGradient().toFloatArray();
    }
  }

  private static int countSubnormal(float[] values) {
    int count = 0;
    for (float v : values) {
      if (v != 0f && Math.abs(v) < Float.MIN_NORMAL) {
        count++;
      }
    }
    return count;
  }
}
