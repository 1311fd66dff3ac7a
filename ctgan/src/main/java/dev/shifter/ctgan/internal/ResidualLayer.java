package dev.shifter.ctgan.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.jspecify.annotations.Nullable;

/**
 * One residual layer of the CTGAN generator: {@code h = ReLU(BatchNorm(Linear(x)))}, and the layer's
 * output is {@code h} concatenated with its input {@code x}, so that it is {@code units} columns
 * wider than its input.
 */
public final class ResidualLayer extends AbstractBlock {
  private static final byte VERSION = 1;

  private final int inputWidth;
  private final int units;
  private final Linear linear;
  private final BatchNorm norm;

  /**
   * Creates the layer.
   *
   * @param inputWidth the number of input columns
   * @param units the width of the linear layer
   */
  public ResidualLayer(int inputWidth, int units) {
    super(VERSION);
    this.inputWidth = inputWidth;
    this.units = units;
    this.linear = addChildBlock("linear", Layers.linear(inputWidth, units));
    this.norm = addChildBlock("norm", BatchNorm.builder().optAxis(1).build());
  }

  /**
   * Returns the width of the layer's output.
   *
   * @return {@code units + inputWidth}
   */
  public int outputWidth() {
    return units + inputWidth;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore, NDList inputs, boolean training,
      @Nullable PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDList a = linear.forward(parameterStore, inputs, training, params);
    NDArray h = norm.forward(parameterStore, a, training, params).singletonOrThrow();
    return new NDList(ai.djl.nn.Activation.relu(h).concat(x, 1));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), outputWidth())};
  }

  @Override
  protected void initializeChildBlocks(
      NDManager manager, DataType dataType, Shape... inputShapes) {
    linear.initialize(manager, dataType, inputShapes);
    norm.initialize(manager, dataType, linear.getOutputShapes(inputShapes));
  }
}
