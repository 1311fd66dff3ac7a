package dev.shifter.ctgan.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.shifter.api.ArtifactException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam with L2 weight decay (the weight decay is added to the gradient, as in PyTorch's
 * {@code torch.optim.Adam(weight_decay=...)}) over an explicit list of parameters.
 *
 * <p>Each {@link #step} updates exactly the parameters given here, through the engine's fused update,
 * which also zeroes their gradients afterwards. Keeping one optimizer per network means that a step
 * of one network never touches the other's weights, and the optimizer's moments are ours to save or
 * restore ({@link #save}, {@link #load}). The epsilon is rescaled per step so that the update equals
 * PyTorch's {@code lr * m_hat / (sqrt(v_hat) + eps)} exactly.
 */
public final class AdamOptimizer implements AutoCloseable {
  /** The first bytes of a saved state: "SHAD" (Shifter Adam). */
  private static final int MAGIC = 0x53484144;

  private static final byte FORMAT = 1;

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

  /**
   * Writes the step count and both moments of every parameter, in parameter order. The moments are
   * written with {@link NDArray#encode()} (data type, shape and raw values), so a {@link #load} gives
   * back exactly the same numbers.
   *
   * @param out where to write
   * @throws IOException if writing fails
   */
  public void save(DataOutputStream out) throws IOException {
    out.writeInt(MAGIC);
    out.writeByte(FORMAT);
    out.writeInt(steps);
    out.writeInt(parameters.size());
    for (int i = 0; i < parameters.size(); i++) {
      out.write(means.get(i).encode());
      out.write(variances.get(i).encode());
    }
  }

  /**
   * Replaces the step count and the moments with those written by {@link #save} for an optimizer of
   * the same parameters.
   *
   * @param in where to read
   * @param source the file being read, for messages
   * @throws ArtifactException if the state is damaged or belongs to other parameters
   * @throws IOException if reading fails
   */
  public void load(DataInputStream in, String source) throws IOException {
    if (in.readInt() != MAGIC || in.readByte() != FORMAT) {
      throw damaged(source, "it does not start with the optimizer state header");
    }
    int savedSteps = in.readInt();
    int count = in.readInt();
    if (savedSteps < 0 || count != parameters.size()) {
      throw damaged(source, "it holds " + count + " parameters, the network has " + parameters.size());
    }
    List<NDArray> newMeans = new ArrayList<>(count);
    List<NDArray> newVariances = new ArrayList<>(count);
    try {
      for (int i = 0; i < count; i++) {
        newMeans.add(readMoment(in, i, source));
        newVariances.add(readMoment(in, i, source));
      }
    } catch (RuntimeException | IOException e) {
      newMeans.forEach(NDArray::close);
      newVariances.forEach(NDArray::close);
      throw e;
    }
    if (in.read() != -1) {
      newMeans.forEach(NDArray::close);
      newVariances.forEach(NDArray::close);
      throw damaged(source, "it has bytes after the last moment");
    }
    for (int i = 0; i < count; i++) {
      means.set(i, newMeans.get(i)).close();
      variances.set(i, newVariances.get(i)).close();
    }
    steps = savedSteps;
  }

  private NDArray readMoment(DataInputStream in, int index, String source) throws IOException {
    NDArray moment;
    try {
      moment = stateManager.decode(in);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw damaged(source, "moment " + index + " cannot be decoded (" + e.getMessage() + ")");
    }
    NDArray weight = parameters.get(index).getArray();
    if (!moment.getShape().equals(weight.getShape()) || moment.getDataType() != weight.getDataType()) {
      Object shape = moment.getShape();
      moment.close();
      throw damaged(source, "moment " + index + " has shape " + shape + ", parameter '"
          + parameters.get(index).getName() + "' has " + weight.getShape());
    }
    return moment;
  }

  private static ArtifactException damaged(String source, String why) {
    return new ArtifactException(source + " is not a valid optimizer state for this model: " + why
        + ". Restore the model directory from a backup, or fit the model again without resuming.");
  }

  @Override
  public void close() {
    stateManager.close();
  }
}
