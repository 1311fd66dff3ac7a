package dev.shifter.ctgan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.shifter.api.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CriticGradientTest {
  private static final int ROW_WIDTH = 7;
  private static final int PAC = 3;
  private static final float SLOPE = 0.2f;

  @Test
  void theHandWrittenInputGradientEqualsAutogradWithDropoutMasks() {
    Engine.getInstance().setRandomSeed(11);
    try (NDManager manager = NDManager.newBaseManager()) {
      Critic critic = critic(manager, 0.5f);
      ParameterStore store = new ParameterStore(manager, false);
      NDArray packed = critic.pack(manager.randomNormal(new Shape(5 * PAC, ROW_WIDTH)));
      List<NDArray> masks = critic.drawMasks(manager, 5);
      assertThat(masks.get(0).toFloatArray()).contains(0f, 2f).containsOnly(0f, 2f);

      CriticPass pass = critic.pass(store, packed, masks, true);
      float[] hand = pass.inputGradient().toFloatArray();
      Reference reference = autograd(critic, packed, masks);

      assertClose(pass.output().toFloatArray(), reference.output, 1e-5f);
      assertClose(hand, reference.inputGradient, 1e-5f);
      assertThat(maxAbs(hand)).isGreaterThan(1e-3f);
    }
  }

  @Test
  void inInferenceModeTheBlockForwardAndTheHandGradientMatchAutograd() {
    Engine.getInstance().setRandomSeed(12);
    try (NDManager manager = NDManager.newBaseManager()) {
      Critic critic = critic(manager, 0.5f);
      ParameterStore store = new ParameterStore(manager, false);
      NDArray rows = manager.randomNormal(new Shape(4 * PAC, ROW_WIDTH));
      NDArray viaBlock = critic.forward(store, new NDList(rows), false).singletonOrThrow();
      CriticPass pass = critic.pass(store, critic.pack(rows), false);
      Reference reference = autograd(critic, critic.pack(rows), List.of());

      assertThat(viaBlock.getShape()).isEqualTo(new Shape(4, 1));
      assertClose(viaBlock.toFloatArray(), reference.output, 1e-5f);
      assertClose(pass.inputGradient().toFloatArray(), reference.inputGradient, 1e-5f);
    }
  }

  @Test
  void thePenaltysGradientWithRespectToTheWeightsMatchesFiniteDifferences() {
    Engine.getInstance().setRandomSeed(13);
    try (NDManager manager = NDManager.newBaseManager()) {
      Shape[] shapes = {new Shape(6, 8), new Shape(5, 6), new Shape(1, 5)};
      List<NDArray> parameters = new ArrayList<>();
      for (Shape shape : shapes) {
        parameters.add(manager.randomNormal(0f, 0.6f, shape, DataType.FLOAT64));
        parameters.add(manager.randomNormal(0f, 0.3f, new Shape(shape.get(0)), DataType.FLOAT64));
      }
      NDArray x = manager.randomNormal(0f, 1f, new Shape(4, 8), DataType.FLOAT64);
      List<NDArray> masks = List.of(
          manager.randomUniform(0f, 1f, new Shape(4, 6)).gte(0.3f).toType(DataType.FLOAT64, false)
              .mul(1 / 0.7),
          manager.randomUniform(0f, 1f, new Shape(4, 5)).gte(0.3f).toType(DataType.FLOAT64, false)
              .mul(1 / 0.7));
      for (NDArray p : parameters) {
        p.setRequiresGradient(true);
      }
      double[][] autograd = new double[parameters.size()][];
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        collector.backward(penalty(x, parameters, masks));
        // only the weights: the biases reach the input gradient only through the LeakyReLU
        // slopes, which are piecewise constant, so they get no gradient
        for (int i : new int[] {0, 2, 4}) {
          autograd[i] = parameters.get(i).getGradient().toDoubleArray();
        }
      }
      double h = 1e-6;
      double largest = 0;
      for (int i : new int[] {0, 2, 4}) {
        double[] values = parameters.get(i).toDoubleArray();
        for (int j = 0; j < values.length; j += 3) {
          double[] plus = values.clone();
          double[] minus = values.clone();
          plus[j] += h;
          minus[j] -= h;
          double numeric = (penaltyWith(manager, x, parameters, masks, i, plus)
              - penaltyWith(manager, x, parameters, masks, i, minus)) / (2 * h);
          assertThat(autograd[i][j]).as("parameter %d entry %d", i, j)
              .isCloseTo(numeric, within(1e-6 + 1e-5 * Math.abs(numeric)));
          largest = Math.max(largest, Math.abs(numeric));
        }
      }
      assertThat(largest).isGreaterThan(1e-2);
    }
  }

  @Test
  void aBatchThatIsNotAMultipleOfPacIsRefusedWithAFix() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Critic critic = critic(manager, 0.5f);
      NDArray rows = manager.zeros(new Shape(10, ROW_WIDTH));
      assertThatThrownBy(() -> critic.pack(rows))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("multiple of 3")
          .hasMessageContaining("batch size divisible by pac");
    }
  }

  private static NDArray penalty(NDArray x, List<NDArray> p, List<NDArray> masks) {
    CriticPass pass = CriticPass.run(
        x, List.of(p.get(0), p.get(2)), List.of(p.get(1), p.get(3)), p.get(4), p.get(5), masks,
        SLOPE);
    return GradientPenalty.of(pass, 10f);
  }

  private static double penaltyWith(
      NDManager manager, NDArray x, List<NDArray> parameters, List<NDArray> masks, int index,
      double[] values) {
    List<NDArray> changed = new ArrayList<>(parameters);
    changed.set(index, manager.create(values, parameters.get(index).getShape()));
    return penalty(x, changed, masks).getDouble();
  }

  private static Critic critic(NDManager manager, float dropout) {
    Critic critic = new Critic(ROW_WIDTH, PAC, List.of(16, 8), SLOPE, dropout);
    critic.initialize(manager, DataType.FLOAT32, new Shape(PAC, ROW_WIDTH));
    return critic;
  }

  /** An independent forward with DJL's own LeakyReLU, differentiated by autograd. */
  private static Reference autograd(Critic critic, NDArray packed, List<NDArray> masks) {
    NDArray x = packed.duplicate();
    x.setRequiresGradient(true);
    List<Block> layers = critic.getChildren().values();
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray h = x;
      for (int i = 0; i < layers.size() - 1; i++) {
        NDArray a = linear(layers.get(i), h);
        h = ai.djl.nn.Activation.leakyRelu(a, SLOPE);
        if (!masks.isEmpty()) {
          h = h.mul(masks.get(i));
        }
      }
      NDArray y = linear(layers.get(layers.size() - 1), h);
      collector.backward(y.sum());
      return new Reference(y.toFloatArray(), x.getGradient().toFloatArray());
    }
  }

  private static NDArray linear(Block layer, NDArray h) {
    return Linear.linear(
        h, layer.getParameters().get("weight").getArray(),
        layer.getParameters().get("bias").getArray()).singletonOrThrow();
  }

  private static void assertClose(float[] actual, float[] expected, float tolerance) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < actual.length; i++) {
      assertThat(actual[i]).as("entry %d", i)
          .isCloseTo(expected[i], within(tolerance));
    }
  }

  private static float maxAbs(float[] values) {
    float max = 0;
    for (float v : values) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }

  private record Reference(float[] output, float[] inputGradient) {}
}
