package dev.shifter.ctgan.internal;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The CTGAN generator (Xu et al. 2019, appendix): the input {@code z ⊕ cond} passes through residual
 * layers ({@link ResidualLayer}: Linear, BatchNorm, ReLU, output concatenated with the input), then a
 * final linear layer to the encoded row's width. Its output is raw: {@link OutputActivation} applies
 * tanh and Gumbel-softmax per span.
 *
 * <p>In training mode BatchNorm uses the batch's statistics and updates its running statistics; in
 * inference mode it uses the running statistics.
 */
public final class Generator extends AbstractBlock {
  private static final byte VERSION = 1;

  private final int inputWidth;
  private final int outputWidth;
  private final List<ResidualLayer> residuals = new ArrayList<>();
  private final Linear output;

  /**
   * Creates the generator.
   *
   * @param inputWidth the width of the input, {@code latent dimension + conditional vector width}
   * @param hiddenDims the widths of the residual layers (256, 256 in the paper)
   * @param outputWidth the width of an encoded row
   */
  public Generator(int inputWidth, List<Integer> hiddenDims, int outputWidth) {
    super(VERSION);
    this.inputWidth = inputWidth;
    this.outputWidth = outputWidth;
    int width = inputWidth;
    int index = 0;
    for (int units : hiddenDims) {
      ResidualLayer layer = addChildBlock("residual" + index++, new ResidualLayer(width, units));
      residuals.add(layer);
      width = layer.outputWidth();
    }
    this.output = addChildBlock("output", Layers.linear(width, outputWidth));
  }

  /**
   * Returns the width of the generator's input.
   *
   * @return {@code latent dimension + conditional vector width}
   */
  public int inputWidth() {
    return inputWidth;
  }

  /**
   * Returns the width of the generator's output.
   *
   * @return the width of an encoded row
   */
  public int outputWidth() {
    return outputWidth;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore, NDList inputs, boolean training,
      @Nullable PairList<String, Object> params) {
    NDList x = inputs;
    for (ResidualLayer layer : residuals) {
      x = layer.forward(parameterStore, x, training, params);
    }
    return output.forward(parameterStore, x, training, params);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), outputWidth)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape[] shapes = inputShapes;
    for (ResidualLayer layer : residuals) {
      layer.initialize(manager, dataType, shapes);
      shapes = layer.getOutputShapes(shapes);
    }
    output.initialize(manager, dataType, shapes);
  }
}
