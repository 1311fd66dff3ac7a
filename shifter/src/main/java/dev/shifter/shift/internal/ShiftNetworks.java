package dev.shifter.shift.internal;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.Pair;
import dev.shifter.api.ArtifactException;
import dev.shifter.api.EngineScalars;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The two trainable networks of a Shifter.
 *
 * <ul>
 *   <li>The MetaEncoder: an MLP (ReLU) from the normalised targets {@code u} (one row, {@code k}
 *       entries) to the conditioning code {@code c}.
 *   <li>Delta: an MLP (ReLU) from {@code [z, c, mean(z)]} (the code and the batch's mean noise
 *       repeated on every row) to a latent residual; {@code z' = z + deltaScale * Delta(...)}. Its last
 *       layer starts at zero, so an untrained Shifter is the identity.
 *   <li>When the Shifter learns the conditional vectors' distribution, the condition head: a linear layer
 *       from {@code c} to offsets of the log-probabilities of the conditional vector's entries, added to the
 *       data's own ({@link #drawCondition}). It starts at zero, so an untrained head draws as the data does;
 *       its parameters are saved after the MetaEncoder's, in the same bytes.
 * </ul>
 *
 * <p>Hidden layers are initialised like PyTorch's {@code nn.Linear} (uniform in
 * {@code ±1/sqrt(fanIn)}) from the engine's random generator. The parameters live in the manager given
 * to the constructor.
 */
public final class ShiftNetworks {
  private final SequentialBlock encoder;
  private final SequentialBlock delta;
  private final @Nullable Linear conditionHead;
  private final float[] conditionBase;
  private ParameterStore store;
  private final int latentDim;
  private final int entries;
  private final int encodingDim;
  private final float deltaScale;

  /**
   * Builds and initialises both networks.
   *
   * @param manager the manager that owns the parameters
   * @param latentDim the generator's latent dimension
   * @param entries the number of target entries {@code k}
   * @param encoderHidden the MetaEncoder's hidden widths
   * @param encodingDim the width of {@code c}
   * @param shifterHidden Delta's hidden widths
   * @param deltaScale the residual's factor
   */
  public ShiftNetworks(NDManager manager, int latentDim, int entries, List<Integer> encoderHidden, int encodingDim,
      List<Integer> shifterHidden, double deltaScale) {
    this(manager, latentDim, entries, encoderHidden, encodingDim, shifterHidden, deltaScale, new double[0]);
  }

  /**
   * Builds and initialises the networks, with a condition head when {@code conditionProbabilities} is not
   * empty.
   *
   * @param manager the manager that owns the parameters
   * @param latentDim the generator's latent dimension
   * @param entries the number of target entries {@code k}
   * @param encoderHidden the MetaEncoder's hidden widths
   * @param encodingDim the width of {@code c}
   * @param shifterHidden Delta's hidden widths
   * @param deltaScale the residual's factor
   * @param conditionProbabilities the data's probability of each conditional-vector entry
   *     ({@link dev.shifter.api.GeneratorAdapter#condProbabilities()}), or empty for no condition head
   */
  public ShiftNetworks(NDManager manager, int latentDim, int entries, List<Integer> encoderHidden, int encodingDim,
      List<Integer> shifterHidden, double deltaScale, double[] conditionProbabilities) {
    this.latentDim = latentDim;
    this.entries = entries;
    this.encodingDim = encodingDim;
    this.deltaScale = (float) deltaScale;
    this.encoder = mlp(entries, encoderHidden, encodingDim, false);
    this.delta = mlp(2 * latentDim + encodingDim, shifterHidden, latentDim, true);
    encoder.initialize(manager, DataType.FLOAT32, new Shape(1, entries));
    delta.initialize(manager, DataType.FLOAT32, new Shape(1, 2L * latentDim + encodingDim));
    this.conditionBase = new float[conditionProbabilities.length];
    for (int j = 0; j < conditionBase.length; j++) {
      conditionBase[j] = (float) Math.log(Math.max(conditionProbabilities[j], MIN_PROBABILITY));
    }
    if (conditionBase.length > 0) {
      Linear head = linear(encodingDim, conditionBase.length, true);
      head.initialize(manager, DataType.FLOAT32, new Shape(1, encodingDim));
      this.conditionHead = head;
    } else {
      this.conditionHead = null;
    }
    this.store = new ParameterStore(manager, false);
  }

  /** The smallest probability of a conditional-vector entry (a category the data never has). */
  private static final double MIN_PROBABILITY = 1e-12;

  /** The temperature of the condition's Gumbel-softmax relaxation. */
  private static final double CONDITION_TAU = 1.0;

  /**
   * Tells whether these networks learn the conditional vectors' distribution.
   *
   * @return true if they have a condition head
   */
  public boolean learnsCondition() {
    return conditionHead != null;
  }

  /**
   * Draws conditional vectors from the learnt distribution: the Gumbel-max draw over
   * {@code log p_data + head(c)} with the engine's random generator (one {@code n x condDim} uniform
   * draw). While training, the result is straight-through: forward the hard one-hot, gradient that of the
   * Gumbel-softmax relaxation at temperature 1, so that the head learns through the frozen generator's input.
   *
   * @param manager the manager of the result
   * @param n the number of rows
   * @param normalisedTargets the normalised targets {@code u}, shape {@code (1, k)}
   * @param training whether a graph is being recorded for training
   * @return {@code n x condDim} one-hot rows
   * @throws IllegalStateException if there is no condition head
   */
  public NDArray drawCondition(NDManager manager, int n, NDArray normalisedTargets, boolean training) {
    Linear head = conditionHead;
    if (head == null) {
      throw new IllegalStateException("No condition head");
    }
    int width = conditionBase.length;
    NDArray code = encoder.forward(store, new NDList(normalisedTargets), training).singletonOrThrow();
    NDArray offsets = head.forward(store, new NDList(code), training).singletonOrThrow();
    NDArray logits = offsets.add(manager.create(conditionBase, new Shape(1, width)));
    NDArray uniform = manager.randomUniform(1e-10f, 0.9999999f, new Shape(n, width), DataType.FLOAT32);
    NDArray perturbed = logits.add(uniform.log().neg().log().neg());
    NDArray hard = perturbed.stopGradient().argMax(1).oneHot(width).toType(DataType.FLOAT32, false);
    if (!training) {
      return hard;
    }
    NDArray soft = perturbed.mul(EngineScalars.of(perturbed, 1.0 / CONDITION_TAU)).softmax(1);
    return soft.add(hard.sub(soft).stopGradient());
  }

  private static SequentialBlock mlp(int inputs, List<Integer> hidden, int outputs, boolean zeroLast) {
    SequentialBlock block = new SequentialBlock();
    int fanIn = inputs;
    for (int width : hidden) {
      block.add(linear(fanIn, width, false));
      block.add(Activation.reluBlock());
      fanIn = width;
    }
    block.add(linear(fanIn, outputs, zeroLast));
    return block;
  }

  private static Linear linear(int fanIn, int units, boolean zero) {
    Linear linear = Linear.builder().setUnits(units).build();
    Initializer init = zero ? Initializer.ZEROS : new UniformInitializer((float) (1.0 / Math.sqrt(fanIn)));
    linear.setInitializer(init, Parameter.Type.WEIGHT);
    linear.setInitializer(init, Parameter.Type.BIAS);
    return linear;
  }

  /**
   * Shifts a batch of noise.
   *
   * @param z the noise, {@code n x latentDim}; results land in its manager
   * @param normalisedTargets the normalised targets {@code u}, shape {@code (1, k)}
   * @param training whether a graph is being recorded for training
   * @return {@code z'}, {@code n x latentDim}
   */
  public NDArray shift(NDArray z, NDArray normalisedTargets, boolean training) {
    long n = z.getShape().get(0);
    NDArray code = encoder.forward(store, new NDList(normalisedTargets), training).singletonOrThrow();
    NDArray codes = code.broadcast(new Shape(n, encodingDim));
    NDArray meanNoise = z.mean(new int[] {0}, true).broadcast(new Shape(n, latentDim));
    NDArray input = NDArrays.concat(new NDList(z, codes, meanNoise), 1);
    NDArray residual = delta.forward(store, new NDList(input), training).singletonOrThrow();
    return z.add(residual.mul(EngineScalars.of(residual, deltaScale)));
  }

  /**
   * Returns every trainable parameter, MetaEncoder first.
   *
   * @return the parameters
   */
  public List<Parameter> parameters() {
    List<Parameter> all = new ArrayList<>();
    for (Pair<String, Parameter> pair : encoder.getParameters()) {
      all.add(pair.getValue());
    }
    for (Pair<String, Parameter> pair : delta.getParameters()) {
      all.add(pair.getValue());
    }
    Linear head = conditionHead;
    if (head != null) {
      for (Pair<String, Parameter> pair : head.getParameters()) {
        all.add(pair.getValue());
      }
    }
    return all;
  }

  /**
   * Makes every parameter record gradients again (parameters loaded from bytes do not), for training
   * on after a checkpoint.
   */
  public void requireGradients() {
    for (Parameter parameter : parameters()) {
      NDArray array = parameter.getArray();
      if (!array.hasGradient()) {
        array.setRequiresGradient(true);
      }
    }
  }

  /**
   * Returns the number of target entries the MetaEncoder takes.
   *
   * @return {@code k}
   */
  public int entries() {
    return entries;
  }

  /**
   * Serialises the MetaEncoder's parameters, followed by the condition head's when there is one.
   *
   * @return the bytes of {@code Block.saveParameters}
   */
  public byte[] saveEncoder() {
    Linear head = conditionHead;
    return head == null ? save(encoder) : save(encoder, head);
  }

  /**
   * Serialises Delta's parameters.
   *
   * @return the bytes of {@code Block.saveParameters}
   */
  public byte[] saveDelta() {
    return save(delta);
  }

  /**
   * Replaces both networks' parameters with saved ones.
   *
   * @param manager the manager that owns the parameters
   * @param encoderBytes from {@link #saveEncoder()}
   * @param deltaBytes from {@link #saveDelta()}
   * @param encoderSource the encoder's file, for messages
   * @param deltaSource Delta's file, for messages
   * @throws ArtifactException if the bytes do not fit these networks
   */
  public void load(NDManager manager, byte[] encoderBytes, byte[] deltaBytes, String encoderSource,
      String deltaSource) {
    Linear head = conditionHead;
    if (head == null) {
      load(encoder, manager, encoderBytes, encoderSource);
    } else {
      load(manager, encoderBytes, encoderSource, encoder, head);
    }
    load(delta, manager, deltaBytes, deltaSource);
    // Loading replaces the parameters' arrays; the store would go on handing out the ones it cached.
    store = new ParameterStore(manager, false);
  }

  private static byte[] save(Block... blocks) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      for (Block block : blocks) {
        block.saveParameters(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Writing parameters to memory failed", e);
    }
    return bytes.toByteArray();
  }

  private static void load(SequentialBlock block, NDManager manager, byte[] bytes, String source) {
    load(manager, bytes, source, block);
  }

  private static void load(NDManager manager, byte[] bytes, String source, Block... blocks) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      for (Block block : blocks) {
        block.loadParameters(manager, in);
      }
      if (in.read() != -1) {
        throw new ArtifactException(source + " has bytes after the last parameter: it was written for other "
            + "network sizes. Restore the Shifter directory or train it again.");
      }
    } catch (IOException | MalformedModelException | IllegalArgumentException | IllegalStateException e) {
      throw new ArtifactException(source + " does not hold parameters for these network sizes (" + e.getMessage()
          + "). Restore the Shifter directory or train it again.", e);
    }
  }
}
