package dev.shifter.ctgan.internal;

import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.UniformInitializer;

/** Building blocks shared by the generator and the critic. */
final class Layers {
  private Layers() {}

  /**
   * Creates a fully connected layer initialised like PyTorch's {@code nn.Linear}: weights and biases
   * uniform in {@code [-1/sqrt(fanIn), 1/sqrt(fanIn)]}.
   *
   * @param fanIn the number of inputs
   * @param units the number of outputs
   * @return the layer, not yet initialised
   */
  static Linear linear(int fanIn, int units) {
    Linear linear = Linear.builder().setUnits(units).build();
    UniformInitializer init = new UniformInitializer((float) (1.0 / Math.sqrt(fanIn)));
    linear.setInitializer(init, Parameter.Type.WEIGHT);
    linear.setInitializer(init, Parameter.Type.BIAS);
    return linear;
  }
}
