package dev.shifter.ctgan.internal;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.shifter.api.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The CTGAN critic with PacGAN packing (Xu et al. 2019, appendix; Lin et al. 2018): {@code pac}
 * consecutive rows (each an encoded row concatenated with its conditional vector) are concatenated
 * into one input, which passes through hidden layers Linear, LeakyReLU(0.2), Dropout(0.5) and a final
 * Linear to one score.
 *
 * <p>The forward pass is written on the layers' parameter arrays (the blocks' own parameters, the
 * single source of truth for the weights) by {@link CriticPass}, which also gives the gradient with
 * respect to the input that the WGAN-GP penalty needs. {@link #forward} and {@link #pass} compute the
 * same function.
 */
public final class Critic extends AbstractBlock {
  private static final byte VERSION = 1;

  private final int rowWidth;
  private final int pac;
  private final float negativeSlope;
  private final float dropout;
  private final List<Linear> hidden = new ArrayList<>();
  private final Linear output;

  /**
   * Creates the critic.
   *
   * @param rowWidth the width of one input row (encoded row plus conditional vector)
   * @param pac the number of rows packed into one critic input (10 in the paper)
   * @param hiddenDims the widths of the hidden layers (256, 256 in the paper); at least one
   * @param negativeSlope the LeakyReLU slope (0.2 in the paper)
   * @param dropout the dropout probability (0.5 in the paper), in {@code [0, 1)}
   */
  public Critic(int rowWidth, int pac, List<Integer> hiddenDims, float negativeSlope, float dropout) {
    super(VERSION);
    if (hiddenDims.isEmpty() || pac < 1 || dropout < 0f || dropout >= 1f) {
      throw new IllegalArgumentException(
          "the critic needs at least one hidden layer, pac >= 1 and dropout in [0, 1)");
    }
    this.rowWidth = rowWidth;
    this.pac = pac;
    this.negativeSlope = negativeSlope;
    this.dropout = dropout;
    int width = pac * rowWidth;
    int index = 0;
    for (int units : hiddenDims) {
      hidden.add(addChildBlock("hidden" + index++, Layers.linear(width, units)));
      width = units;
    }
    this.output = addChildBlock("output", Layers.linear(width, 1));
  }

  /**
   * Returns the number of rows packed into one critic input.
   *
   * @return pac
   */
  public int pac() {
    return pac;
  }

  /**
   * Packs rows for the critic: groups of {@code pac} consecutive rows become one row.
   *
   * @param rows an {@code n x rowWidth} array with {@code n} divisible by pac
   * @return an {@code n/pac x (pac * rowWidth)} view in the manager of {@code rows}
   * @throws InvalidInputException if {@code n} is not a multiple of pac
   */
  public NDArray pack(NDArray rows) {
    long n = rows.getShape().get(0);
    if (n % pac != 0 || rows.getShape().get(1) != rowWidth) {
      throw new InvalidInputException(
          "the critic got " + rows.getShape() + " rows; it packs " + pac + " rows of width "
              + rowWidth + " together, so the number of rows must be a multiple of " + pac
              + ": choose a batch size divisible by pac (e.g. " + (pac * 50) + ")");
    }
    return rows.reshape(n / pac, (long) pac * rowWidth);
  }

  /**
   * Draws fresh dropout masks for a pass on {@code packedRows} packed rows.
   *
   * @param manager the manager of the masks (a step's sub-manager)
   * @param packedRows the number of packed rows
   * @return one mask per hidden layer (entries 0 or {@code 1/(1-p)}), or an empty list without
   *     dropout
   */
  public List<NDArray> drawMasks(NDManager manager, long packedRows) {
    if (dropout == 0f) {
      return List.of();
    }
    List<NDArray> masks = new ArrayList<>(hidden.size());
    for (Linear layer : hidden) {
      long units = layer.getParameters().get("weight").getShape().get(0);
      NDArray uniform = manager.randomUniform(0f, 1f, new Shape(packedRows, units));
      masks.add(uniform.gte(dropout).toType(DataType.FLOAT32, false).mul(1f / (1f - dropout)));
    }
    return masks;
  }

  /**
   * Runs the critic on packed rows, drawing dropout masks in training mode.
   *
   * @param parameterStore the parameter store
   * @param packed packed rows from {@link #pack}
   * @param training whether to apply dropout
   * @return the pass, with the scores and what the input gradient needs
   */
  public CriticPass pass(ParameterStore parameterStore, NDArray packed, boolean training) {
    List<NDArray> masks = training
        ? drawMasks(packed.getManager(), packed.getShape().get(0))
        : List.of();
    return pass(parameterStore, packed, masks, training);
  }

  /**
   * Runs the critic on packed rows with given dropout masks.
   *
   * @param parameterStore the parameter store
   * @param packed packed rows from {@link #pack}
   * @param masks one mask per hidden layer, or an empty list for no dropout
   * @param training the mode passed to the parameter store
   * @return the pass, with the scores and what the input gradient needs
   */
  public CriticPass pass(
      ParameterStore parameterStore, NDArray packed, List<NDArray> masks, boolean training) {
    Device device = packed.getDevice();
    List<NDArray> weights = new ArrayList<>(hidden.size());
    List<NDArray> biases = new ArrayList<>(hidden.size());
    for (Linear layer : hidden) {
      weights.add(value(parameterStore, layer, "weight", device, training));
      biases.add(value(parameterStore, layer, "bias", device, training));
    }
    return CriticPass.run(
        packed, weights, biases, value(parameterStore, output, "weight", device, training),
        value(parameterStore, output, "bias", device, training), masks, negativeSlope);
  }

  private static NDArray value(
      ParameterStore store, Linear layer, String name, Device device, boolean training) {
    Parameter parameter = layer.getParameters().get(name);
    return store.getValue(parameter, device, training);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore, NDList inputs, boolean training,
      @Nullable PairList<String, Object> params) {
    return new NDList(pass(parameterStore, pack(inputs.singletonOrThrow()), training).output());
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0) / pac, 1)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape[] shapes = {new Shape(Math.max(1, inputShapes[0].get(0) / pac), (long) pac * rowWidth)};
    for (Linear layer : hidden) {
      layer.initialize(manager, dataType, shapes);
      shapes = layer.getOutputShapes(shapes);
    }
    output.initialize(manager, dataType, shapes);
  }
}
