package dev.shifter.ctgan.internal;

import dev.shifter.api.EngineScalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The activation of the generator's raw output during training: {@code tanh} on each
 * {@link Activation#TANH} span and a Gumbel-softmax on each {@link Activation#SOFTMAX} span
 * (Jang et al. 2017): {@code softmax((logits + g) / tau)} with Gumbel noise {@code g = -log(-log U)},
 * {@code U ~ Uniform(0, 1)} from the engine's random generator.
 *
 * <p>All spans are activated with a fixed number of NDArray operations (see {@link SegmentLayout}).
 * The softmax inputs are floored at {@value #SOFTMAX_FLOOR} below their span's largest one
 * ({@link SegmentLayout#flooredSoftmax}), which keeps late training steps out of float32's slow
 * subnormal range without changing any value that float32 can tell from the unfloored one.
 * The class holds only Java arrays; results belong to the manager of the logits.
 */
public final class OutputActivation {
  /** Bounds for U, so that neither logarithm meets 0 in float32. */
  private static final float U_LOW = 1e-10f;

  private static final float U_HIGH = 0.9999999f;

  /** How far below its span's largest input a softmax input may lie: {@code exp(-40)} is about 4e-18. */
  static final float SOFTMAX_FLOOR = 40f;

  private final int width;
  private final @Nullable SegmentLayout softmaxLayout;
  private final long[] softmaxBack;
  private final boolean[] isTanh;
  private final boolean hasTanh;

  /**
   * Builds the activation for rows made of {@code spans}.
   *
   * @param spans the spans of an encoded row, in order, covering {@code [0, width)}
   * @param width the width of an encoded row
   */
  public OutputActivation(List<OutputSpan> spans, int width) {
    this.width = width;
    this.isTanh = new boolean[width];
    List<OutputSpan> softmax = new ArrayList<>();
    boolean tanh = false;
    int expected = 0;
    for (OutputSpan span : spans) {
      if (span.offset() != expected) {
        throw new IllegalArgumentException(
            "spans must be contiguous: span at " + span.offset() + " expected at " + expected);
      }
      expected += span.width();
      if (span.activation() == Activation.TANH) {
        tanh = true;
        for (int j = 0; j < span.width(); j++) {
          isTanh[span.offset() + j] = true;
        }
      } else {
        softmax.add(span);
      }
    }
    if (expected != width) {
      throw new IllegalArgumentException("spans cover " + expected + " columns, not " + width);
    }
    this.hasTanh = tanh;
    if (softmax.isEmpty()) {
      this.softmaxLayout = null;
      this.softmaxBack = new long[0];
    } else {
      int[] offsets = softmax.stream().mapToInt(OutputSpan::offset).toArray();
      int[] widths = softmax.stream().mapToInt(OutputSpan::width).toArray();
      SegmentLayout layout = new SegmentLayout(offsets, widths);
      this.softmaxLayout = layout;
      this.softmaxBack = layout.backIndex(offsets, width);
    }
  }

  /**
   * Returns the width of an encoded row.
   *
   * @return the number of columns the activation expects
   */
  public int width() {
    return width;
  }

  /**
   * Activates raw generator output as in training: tanh on scalars, Gumbel-softmax on one-hots.
   *
   * @param logits the generator's raw output, {@code n x width}
   * @param tau the Gumbel-softmax temperature (0.2 in the paper)
   * @return the activated rows, {@code n x width}, in the manager of {@code logits}
   */
  public NDArray activate(NDArray logits, float tau) {
    if (softmaxLayout == null) {
      return logits.tanh();
    }
    NDArray uniform = logits.getManager().randomUniform(U_LOW, U_HIGH, logits.getShape(), logits.getDataType());
    return activate(logits, tau, uniform);
  }

  /**
   * Draws the uniform noise of {@link #activate(NDArray, float, NDArray)} with the engine's random
   * generator.
   *
   * @param manager the manager of the result
   * @param rows the number of rows
   * @return {@code rows x width} float32 values in {@code [1e-10, 0.9999999)}
   */
  public NDArray uniform(NDManager manager, long rows) {
    return manager.randomUniform(U_LOW, U_HIGH, new Shape(rows, width), DataType.FLOAT32);
  }

  /**
   * Activates raw generator output as in training with given noise, so that two calls with the same
   * noise give the same Gumbel-softmax draws.
   *
   * @param logits the generator's raw output, {@code n x width}
   * @param tau the Gumbel-softmax temperature (0.2 in the paper)
   * @param uniform the noise, {@code n x width} values in {@code (0, 1)} from {@link #uniform}
   * @return the activated rows, {@code n x width}, in the manager of {@code logits}
   */
  public NDArray activate(NDArray logits, float tau, NDArray uniform) {
    SegmentLayout layout = softmaxLayout;
    if (layout == null) {
      return logits.tanh();
    }
    NDManager manager = logits.getManager();
    // Gumbel noise on the compact row (cheaper than on the padded layout): g = -log(E), E = -log U
    NDArray noisy = logits.sub(uniform.log().neg().log());
    NDArray perturbed = noisy.mul(EngineScalars.of(noisy, 1.0 / tau));
    NDArray soft = layout.flooredSoftmax(perturbed, SOFTMAX_FLOOR);
    NDArray back = SegmentLayout.gatherBack(soft, softmaxBack);
    if (!hasTanh) {
      return back;
    }
    long n = logits.getShape().get(0);
    NDArray condition = manager.create(isTanh, new Shape(1, width)).broadcast(n, width);
    return NDArrays.where(condition, logits.tanh(), back);
  }
}
