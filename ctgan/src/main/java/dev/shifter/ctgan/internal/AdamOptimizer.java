package dev.shifter.ctgan.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam with L2 weight decay (the weight decay is added to the gradient, as in PyTorch's
 * {@code torch.optim.Adam(weight_decay=...)}) over an explicit list of parameters.
 *
 * <p>Each {@link #step} updates exactly the parameters given here, through the engine's fused update,
 * which also zeroes their gradients afterwards. Keeping one optimizer per network means that a step
 * of one network never touches the other's weights, and the optimizer's moments are ours to save or
 * restore. The epsilon is rescaled per step so that the update equals PyTorch's
 * {@code lr * m_hat / (sqrt(v_hat) + eps)} exactly.
 */
public final class AdamOptimizer implements AutoCloseable {
  private final List<Parameter> parameters;
  private final NDManager stateManager;
  private final List<NDArray> means = new ArrayList<>();
  private final List<NDArray> variances = new ArrayList<>();
  private final float learningRate;
  private final float beta1;
  private final float beta2;
  private final float epsilon;
  private final float weightDecay;
  private int steps;

  /**
   * Creates the optimizer with zero moments.
   *
   * @param parameters the parameters to update (initialised; their gradients are assumed to be zero
   *     or absent)
   * @param manager the manager under which the moments are kept (a sub-manager is created)
   * @param learningRate the learning rate
   * @param beta1 the first moment's decay
   * @param beta2 the second moment's decay
   * @param epsilon added to the denominator
   * @param weightDecay the L2 weight decay
   */
  public AdamOptimizer(
      List<Parameter> parameters, NDManager manager, float learningRate, float beta1, float beta2,
      float epsilon, float weightDecay) {
    this.parameters = List.copyOf(parameters);
    this.stateManager = manager.newSubManager();
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.weightDecay = weightDecay;
    for (Parameter parameter : this.parameters) {
      NDArray weight = parameter.getArray();
      means.add(stateManager.zeros(weight.getShape(), weight.getDataType()));
      variances.add(stateManager.zeros(weight.getShape(), weight.getDataType()));
    }
  }

  /**
   * Returns the number of steps taken.
   *
   * @return the step count
   */
  public int steps() {
    return steps;
  }

  /**
   * Updates every parameter from its current gradient, then zeroes the gradients.
   */
  public void step() {
    steps++;
    double correction1 = 1 - Math.pow(beta1, steps);
    double correction2 = 1 - Math.pow(beta2, steps);
    float stepSize = (float) (learningRate * Math.sqrt(correction2) / correction1);
    float scaledEpsilon = (float) (epsilon * Math.sqrt(correction2));
    for (int i = 0; i < parameters.size(); i++) {
      NDArray weight = parameters.get(i).getArray();
      try (NDArray gradient = weight.getGradient()) {
        weight.getNDArrayInternal().adamUpdate(
            new NDList(weight, gradient, means.get(i), variances.get(i)), new NDList(weight),
            learningRate, stepSize, weightDecay, 1f, -1f, beta1, beta2, scaledEpsilon, true,
            false);
      }
    }
  }

  @Override
  public void close() {
    stateManager.close();
  }
}
