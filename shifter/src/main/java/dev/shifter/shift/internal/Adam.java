package dev.shifter.shift.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.shifter.api.ArtifactException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam over an explicit list of parameters (the Shifter's and the MetaEncoder's, never the
 * generator's). Each {@link #step} updates exactly these parameters with the engine's fused update,
 * which also zeroes their gradients. The moments can be saved and restored, so that resuming a
 * checkpoint continues the same optimisation.
 */
public final class Adam implements AutoCloseable {
  private static final int MAGIC = 0x53484146;
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;

  private final List<Parameter> parameters;
  private final NDManager stateManager;
  private final List<NDArray> means = new ArrayList<>();
  private final List<NDArray> variances = new ArrayList<>();
  private final float learningRate;
  private int steps;

  /**
   * Creates the optimizer with zero moments.
   *
   * @param parameters the parameters to update
   * @param manager the parent of the manager that keeps the moments
   * @param learningRate the learning rate
   */
  public Adam(List<Parameter> parameters, NDManager manager, double learningRate) {
    this.parameters = List.copyOf(parameters);
    this.stateManager = manager.newSubManager();
    this.learningRate = (float) learningRate;
    for (Parameter parameter : this.parameters) {
      NDArray weight = parameter.getArray();
      means.add(stateManager.zeros(weight.getShape(), weight.getDataType()));
      variances.add(stateManager.zeros(weight.getShape(), weight.getDataType()));
    }
  }

  /** Updates every parameter from its gradient, then zeroes the gradients. */
  public void step() {
    steps++;
    double correction1 = 1 - Math.pow(BETA1, steps);
    double correction2 = 1 - Math.pow(BETA2, steps);
    float stepSize = (float) (learningRate * Math.sqrt(correction2) / correction1);
    float scaledEpsilon = (float) (EPSILON * Math.sqrt(correction2));
    for (int i = 0; i < parameters.size(); i++) {
      NDArray weight = parameters.get(i).getArray();
      try (NDArray gradient = weight.getGradient()) {
        weight.getNDArrayInternal().adamUpdate(
            new NDList(weight, gradient, means.get(i), variances.get(i)), new NDList(weight),
            learningRate, stepSize, 0f, 1f, -1f, BETA1, BETA2, scaledEpsilon, true, false);
      }
    }
  }

  /**
   * Serialises the step count and the moments.
   *
   * @return the bytes
   */
  public byte[] save() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
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
   * Restores a state written by {@link #save()} for the same parameters.
   *
   * @param bytes the state
   * @param source the file, for messages
   * @throws ArtifactException if the state does not fit these parameters
   */
  public void load(byte[] bytes, String source) {
    List<NDArray> newMeans = new ArrayList<>();
    List<NDArray> newVariances = new ArrayList<>();
    int savedSteps;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != MAGIC) {
        throw damaged(source, "it does not start with the optimizer header");
      }
      savedSteps = in.readInt();
      int count = in.readInt();
      if (savedSteps < 0 || count != parameters.size()) {
        throw damaged(source, "it holds " + count + " parameters, the networks have " + parameters.size());
      }
      for (int i = 0; i < count; i++) {
        newMeans.add(moment(in, i, source));
        newVariances.add(moment(in, i, source));
      }
    } catch (IOException | RuntimeException e) {
      newMeans.forEach(NDArray::close);
      newVariances.forEach(NDArray::close);
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

  private NDArray moment(DataInputStream in, int index, String source) throws IOException {
    NDArray moment = stateManager.decode(in);
    NDArray weight = parameters.get(index).getArray();
    if (!moment.getShape().equals(weight.getShape())) {
      Object shape = moment.getShape();
      moment.close();
      throw damaged(source, "moment " + index + " has shape " + shape + ", the parameter has " + weight.getShape());
    }
    return moment;
  }

  private static ArtifactException damaged(String source, String why) {
    return new ArtifactException(source + " is not an optimizer state of this Shifter: " + why
        + ". Restore the directory, or train again without resuming.");
  }

  /** Frees the moments. */
  @Override
  public void close() {
    stateManager.close();
  }
}
