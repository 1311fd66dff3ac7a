package dev.shifter.shift.internal;

import dev.shifter.api.EngineScalars;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.Pair;
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
 * The two trainable networks of a Shifter.
 *
 * <ul>
 *   <li>The MetaEncoder: an MLP (ReLU) from the normalised targets {@code u} (one row, {@code k}
 *       entries) to the conditioning code {@code c}.
 *   <li>Delta: an MLP (ReLU) from {@code [z, c, mean(z)]} (the code and the batch's mean noise
 *       repeated on every row) to a latent residual; {@code z' = z + deltaScale * Delta(...)}. Its last
 *       layer starts at zero, so an untrained Shifter is the identity.
 * </ul>
 *
 * <p>Hidden layers are initialised like PyTorch's {@code nn.Linear} (uniform in
 * {@code ±1/sqrt(fanIn)}) from the engine's random generator. The parameters live in the manager given
 * to the constructor.
 */
public final class ShiftNetworks {
  private final SequentialBlock encoder;
  private final SequentialBlock delta;
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
    this.latentDim = latentDim;
    this.entries = entries;
    this.encodingDim = encodingDim;
    this.deltaScale = (float) deltaScale;
    this.encoder = mlp(entries, encoderHidden, encodingDim, false);
    this.delta = mlp(2 * latentDim + encodingDim, shifterHidden, latentDim, true);
    encoder.initialize(manager, DataType.FLOAT32, new Shape(1, entries));
    delta.initialize(manager, DataType.FLOAT32, new Shape(1, 2L * latentDim + encodingDim));
    this.store = new ParameterStore(manager, false);
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
   * Serialises the MetaEncoder's parameters.
   *
   * @return the bytes of {@code Block.saveParameters}
   */
  public byte[] saveEncoder() {
    return save(encoder);
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
    load(encoder, manager, encoderBytes, encoderSource);
    load(delta, manager, deltaBytes, deltaSource);
    // Loading replaces the parameters' arrays; the store would go on handing out the ones it cached.
    store = new ParameterStore(manager, false);
  }

  private static byte[] save(SequentialBlock block) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      block.saveParameters(out);
    } catch (IOException e) {
      throw new UncheckedIOException("Writing parameters to memory failed", e);
    }
    return bytes.toByteArray();
  }

  private static void load(SequentialBlock block, NDManager manager, byte[] bytes, String source) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      block.loadParameters(manager, in);
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
