package dev.shifter.commons;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.shifter.api.ArtifactException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam with L2 weight decay (the weight decay is added to the gradient, as in PyTorch's
 * {@code torch.optim.Adam(weight_decay=...)}) over an explicit list of parameters: the CTGAN's two
 * networks and the Shifter each have one.
 *
 * <p>Each {@link #step} updates exactly the parameters given here, through the engine's fused update,
 * which also zeroes their gradients afterwards. Keeping one optimizer per network means that a step of one
 * network never touches another's weights, and the moments are ours to save and restore ({@link #save},
 * {@link #load}) in the layout {@link StateFormat} names. The epsilon is rescaled per step so that the
 * update equals PyTorch's {@code lr * m_hat / (sqrt(v_hat) + eps)} exactly.
 */
public final class Adam implements AutoCloseable {
  private final List<Parameter> parameters;
  private final NDManager stateManager;
  private final List<NDArray> means = new ArrayList<>();
  private final List<NDArray> variances = new ArrayList<>();
  private final Settings settings;
  private final StateFormat format;
  private int steps;

  /**
   * The optimizer's constants.
   *
   * @param learningRate the learning rate
   * @param beta1 the first moment's decay
   * @param beta2 the second moment's decay
   * @param epsilon added to the denominator
   * @param weightDecay the L2 weight decay
   */
  public record Settings(float learningRate, float beta1, float beta2, float epsilon, float weightDecay) {

    /**
     * Returns PyTorch's defaults (0.9, 0.999, 1e-8, no weight decay) with this learning rate.
     *
     * @param learningRate the learning rate
     * @return the settings
     */
    public static Settings withLearningRate(double learningRate) {
      return new Settings((float) learningRate, 0.9f, 0.999f, 1e-8f, 0f);
    }
  }

  /**
   * How a saved state starts, and what its messages call it: the header is the magic number, then the
   * version byte when {@code version} is not negative, then the step count, the parameter count and
   * each parameter's two moments.
   *
   * @param magic the first four bytes
   * @param version the layout version byte, or -1 for a layout without one
   * @param owner what the state belongs to, for messages, e.g. {@code "this model"}
   * @param remedy what to do about a damaged state, a sentence
   */
  public record StateFormat(int magic, int version, String owner, String remedy) {}

  /**
   * Creates the optimizer with zero moments.
   *
   * @param parameters the parameters to update (initialised; their gradients are assumed to be zero or
   *     absent)
   * @param manager the manager under which the moments are kept (a sub-manager is created)
   * @param settings the optimizer's constants
   * @param format the layout of the saved state
   */
  public Adam(List<Parameter> parameters, NDManager manager, Settings settings, StateFormat format) {
    this.parameters = List.copyOf(parameters);
    this.stateManager = manager.newSubManager();
    this.settings = settings;
    this.format = format;
    for (Parameter parameter : this.parameters) {
      NDArray weight = parameter.getArray();
      means.add(stateManager.zeros(weight.getShape(), weight.getDataType()));
      variances.add(stateManager.zeros(weight.getShape(), weight.getDataType()));
    }
  }

  /**
   * Returns the number of steps taken (and restored).
   *
   * @return the step count
   */
  public int steps() {
    return steps;
  }

  /** Updates every parameter from its gradient and zeroes the gradients. */
  public void step() {
    steps++;
    double correction1 = 1 - Math.pow(settings.beta1(), steps);
    double correction2 = 1 - Math.pow(settings.beta2(), steps);
    float stepSize = (float) (settings.learningRate() * Math.sqrt(correction2) / correction1);
    float scaledEpsilon = (float) (settings.epsilon() * Math.sqrt(correction2));
    for (int i = 0; i < parameters.size(); i++) {
      NDArray weight = parameters.get(i).getArray();
      try (NDArray gradient = weight.getGradient()) {
        weight.getNDArrayInternal().adamUpdate(
            new NDList(weight, gradient, means.get(i), variances.get(i)), new NDList(weight),
            settings.learningRate(), stepSize, settings.weightDecay(), 1f, -1f, settings.beta1(), settings.beta2(),
            scaledEpsilon, true, false);
      }
    }
  }

  /**
   * Returns the step count and the moments in the layout of the {@link StateFormat}.
   *
   * @return the saved state
   */
  public byte[] save() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(format.magic());
      if (format.version() >= 0) {
        out.writeByte(format.version());
      }
      out.writeInt(steps);
      out.writeInt(parameters.size());
      for (int i = 0; i < parameters.size(); i++) {
        out.write(means.get(i).encode());
        out.write(variances.get(i).encode());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Writing the optimizer state to memory failed", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Restores a state that {@link #save} wrote for the same parameters; on failure the current state is
   * kept.
   *
   * @param bytes the saved state
   * @param source where the bytes came from, for messages
   * @throws ArtifactException if the bytes are not such a state
   */
  public void load(byte[] bytes, String source) {
    List<NDArray> newMeans = new ArrayList<>();
    List<NDArray> newVariances = new ArrayList<>();
    int savedSteps;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != format.magic() || format.version() >= 0 && in.readByte() != format.version()) {
        throw damaged(source, "it does not start with the optimizer state header");
      }
      savedSteps = in.readInt();
      int count = in.readInt();
      if (savedSteps < 0 || count != parameters.size()) {
        throw damaged(source, "it holds " + count + " parameters, the network has " + parameters.size());
      }
      for (int i = 0; i < count; i++) {
        newMeans.add(readMoment(in, i, source));
        newVariances.add(readMoment(in, i, source));
      }
      if (in.read() != -1) {
        throw damaged(source, "it has bytes after the last moment");
      }
    } catch (EOFException e) {
      closeAll(newMeans, newVariances);
      throw new ArtifactException(source + " ends early: the optimizer state is truncated. " + format.remedy(), e);
    } catch (IOException | RuntimeException e) {
      closeAll(newMeans, newVariances);
      if (e instanceof ArtifactException artifact) {
        throw artifact;
      }
      throw damaged(source, e.toString());
    }
    for (int i = 0; i < parameters.size(); i++) {
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

  private static void closeAll(List<NDArray> first, List<NDArray> second) {
    first.forEach(NDArray::close);
    second.forEach(NDArray::close);
  }

  private ArtifactException damaged(String source, String why) {
    return new ArtifactException(source + " is not a valid optimizer state for " + format.owner() + ": " + why
        + ". " + format.remedy());
  }

  @Override
  public void close() {
    stateManager.close();
  }
}
