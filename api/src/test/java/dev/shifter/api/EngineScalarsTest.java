package dev.shifter.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineScalarsTest {

  @Test
  void aScalarFromTheEngineKeepsTheGradientRightWhenGarbageIsCollectedBeforeBackward() {
    try (NDManager manager = NDManager.newBaseManager()) {
      for (int round = 0; round < 20; round++) {
        try (NDManager step = manager.newSubManager()) {
          NDArray x = step.create(new float[] {1, 2, 3, 4});
          x.setRequiresGradient(true);
          try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray y = x.mul(EngineScalars.of(x, 3.0)).sum();
            churnDirectMemory();
            collector.backward(y);
          }
          assertThat(x.getGradient().toFloatArray()).containsExactly(3f, 3f, 3f, 3f);
        }
      }
    }
  }

  @Test
  void theScalarHasTheDataTypeOfTheArrayItIsCombinedWith() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.create(new double[] {1, 2});
      NDArray c = EngineScalars.of(x, 0.5);
      assertThat(c.getDataType()).isEqualTo(DataType.FLOAT64);
      assertThat(c.getShape().dimension()).isZero();
      assertThat(x.mul(c).toDoubleArray()).containsExactly(0.5, 1.0);
      assertThat(EngineScalars.of(x, 1.0 / 3).getDouble()).isEqualTo(1.0 / 3);
    }
  }

  /** Frees Java direct buffers and hands their memory out again, as a training step's garbage would. */
  private static void churnDirectMemory() {
    System.gc();
    List<ByteBuffer> buffers = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      ByteBuffer buffer = ByteBuffer.allocateDirect(4);
      buffer.putFloat(0, Float.NaN);
      buffers.add(buffer);
    }
    assertThat(buffers).hasSize(64);
  }
}
