package dev.shifter.ctgan.internal;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.shifter.api.ArtifactException;
import dev.shifter.ctgan.types.CtganConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds CTGAN's two networks from a configuration and the encoded row's layout, and moves their
 * parameters to and from bytes. A saved network can only be loaded into one of the same
 * architecture, which is rebuilt from the model manifest's configuration and transformer state.
 */
public final class Networks {
  private Networks() {}

  /**
   * Creates an uninitialised generator.
   *
   * @param config the settings (latent dimension, layer widths)
   * @param width the width of an encoded row
   * @param condWidth the width of the conditional vector
   * @return the generator
   */
  public static Generator generator(CtganConfig config, int width, int condWidth) {
    return new Generator(config.embeddingDim() + condWidth, config.generatorDims(), width);
  }

  /**
   * Creates an uninitialised critic.
   *
   * @param config the settings (pac, layer widths, slope, dropout)
   * @param width the width of an encoded row
   * @param condWidth the width of the conditional vector
   * @return the critic
   */
  public static Critic critic(CtganConfig config, int width, int condWidth) {
    return new Critic(width + condWidth, config.pac(), config.criticDims(), config.negativeSlope(),
        config.dropout());
  }

  /**
   * Initialises a generator's parameters for batches of {@code batchSize} rows.
   *
   * @param generator the generator
   * @param manager the manager that will own the parameters
   * @param batchSize the batch size of the initialisation shape
   */
  public static void initialize(Generator generator, NDManager manager, int batchSize) {
    generator.initialize(manager, DataType.FLOAT32, new Shape(batchSize, generator.inputWidth()));
  }

  /**
   * Initialises a critic's parameters for batches of {@code batchSize} rows.
   *
   * @param critic the critic
   * @param manager the manager that will own the parameters
   * @param batchSize the batch size of the initialisation shape, a multiple of pac
   * @param rowWidth the width of one critic input row (encoded row plus conditional vector)
   */
  public static void initialize(Critic critic, NDManager manager, int batchSize, int rowWidth) {
    critic.initialize(manager, DataType.FLOAT32, new Shape(batchSize, rowWidth));
  }

  /**
   * Writes a block's parameters with {@link Block#saveParameters}.
   *
   * @param block an initialised block
   * @return the bytes
   */
  public static byte[] save(Block block) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      block.saveParameters(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Replaces an initialised block's parameters by saved ones and closes the arrays they replace. The
   * saved parameters must have the names and shapes of the block's own, so a file of another
   * architecture is refused rather than loaded. Loaded arrays do not require a gradient; call
   * {@link Parameter#freeze(boolean) freeze(false)} on the ones to train.
   *
   * @param block the block, initialised
   * @param manager the manager that will own the loaded arrays
   * @param bytes what {@link #save} wrote
   * @param source the file the bytes come from, for messages
   * @throws ArtifactException if the bytes are damaged or belong to another architecture
   */
  public static void load(Block block, NDManager manager, byte[] bytes, String source) {
    Map<String, Shape> shapes = new LinkedHashMap<>();
    List<NDArray> old = new ArrayList<>();
    for (Pair<String, Parameter> pair : block.getParameters()) {
      shapes.put(pair.getKey(), pair.getValue().getArray().getShape());
      old.add(pair.getValue().getArray());
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      block.loadParameters(manager, in);
      if (in.read() != -1) {
        throw mismatch(source, "it has bytes after the last parameter");
      }
    } catch (IOException | MalformedModelException | RuntimeException e) {
      if (e instanceof ArtifactException artifact) {
        throw artifact;
      }
      throw mismatch(source, "it cannot be read (" + e.getMessage() + ")");
    }
    for (Pair<String, Parameter> pair : block.getParameters()) {
      Shape expected = shapes.get(pair.getKey());
      Shape actual = pair.getValue().getArray().getShape();
      if (!actual.equals(expected)) {
        throw mismatch(source, "parameter '" + pair.getKey() + "' has shape " + actual + " where the "
            + "architecture in the manifest needs " + expected);
      }
    }
    for (NDArray array : old) {
      array.close();
    }
  }

  private static ArtifactException mismatch(String source, String why) {
    return new ArtifactException(source + " does not hold the parameters of the network described by the "
        + "manifest: " + why + ". Restore the model directory from a backup, or fit the model again.");
  }
}
