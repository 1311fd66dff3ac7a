package dev.shifter.ctgan.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.EngineScalars;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns the generator's raw output into rows the way training draws them: tanh on each continuous
 * column's scalar, and on each one-hot block (a continuous column's modes, a categorical column's
 * categories) a Gumbel-max draw, the argmax of {@code logits + g} with {@code g = -log(-log U)}.
 *
 * <p>{@link #hardRows} gives the values that {@link DataTransformer#decodeInto} decodes hard.
 * {@link #straightThrough} gives the continuous columns in data units with a graph: its forward value is
 * the hard decode {@code alpha * 4 sigma_k + mu_k} for the drawn mode {@code k}, its gradient that of the
 * soft decode {@code sum_k w_k (alpha * 4 sigma_k + mu_k)} with Gumbel-softmax weights
 * {@code w = softmax((logits + g) / tau)} over the same draw ({@code soft + stopGradient(hard - soft)}).
 * The hard value is put in the column's {@link ValueDomain} (clipped to the fitted range, rounded to the
 * fitted decimals) as in the hard decode. Rounding is straight-through (it moves a value by less than
 * one unit of its last decimal, so the gradient of the unrounded value is the honest one). Clipping is
 * not: where the hard value lies beyond the range, the output is the bound and stays there under a small
 * change, so its gradient is zero, as that of the clipped value is; an optimiser is not steered by a
 * value that does not exist in the output.
 *
 * <p>The "missing" slot of a continuous column that had missing values takes no part in the
 * differentiable decode: its draw is made among the real modes only, so a row whose hard draw is
 * "missing" (a missing value in the table) gets, in the differentiable output, the value of its
 * best real mode under the same noise, which is what the column would hold given that it is present. For
 * every other row the two draws agree, so the forward values equal the hard decode.
 */
public final class GumbelDecoder {
  /** Bounds for U, so that neither logarithm meets 0 in float32 (as in training). */
  static final float U_LOW = 1e-10f;

  static final float U_HIGH = 0.9999999f;

  /** Added to pad entries of the differentiable decode: exp of it is exactly 0 in float32. */
  private static final float PAD_BIAS = -1e9f;

  private final int width;
  private final float tau;
  private final boolean[] isTanh;
  private final int columns;
  private final int maxModes;
  private final long[] alphaIndex;
  private final long[] modeIndex;
  private final float[] padBias;
  private final float[] scales;
  private final float[] means;
  private final float[] lows;
  private final float[] highs;
  private final float[] roundingScales;
  private final boolean[] rounded;
  private final boolean anyRounded;
  private final @Nullable SegmentLayout softmaxLayout;
  private final long[] softmaxBack;

  /**
   * Builds the decoder for a transformer's layout.
   *
   * @param transformer the fitted transformer
   * @param tau the Gumbel-softmax temperature of the soft decode (training's, 0.2 in the paper)
   */
  public GumbelDecoder(DataTransformer transformer, float tau) {
    this.width = transformer.width();
    this.tau = tau;
    this.isTanh = new boolean[width];
    for (OutputSpan span : transformer.spans()) {
      if (span.activation() == Activation.TANH) {
        for (int j = 0; j < span.width(); j++) {
          isTanh[span.offset() + j] = true;
        }
      }
    }
    List<OutputSpan> softmax = transformer.spans().stream().filter(s -> s.activation() == Activation.SOFTMAX)
        .toList();
    if (softmax.isEmpty()) {
      this.softmaxLayout = null;
      this.softmaxBack = new long[0];
    } else {
      int[] offsets = softmax.stream().mapToInt(OutputSpan::offset).toArray();
      SegmentLayout layout = new SegmentLayout(offsets, softmax.stream().mapToInt(OutputSpan::width).toArray());
      this.softmaxLayout = layout;
      this.softmaxBack = layout.backIndex(offsets, width);
    }
    List<ContinuousLayout> layouts = transformer.continuousLayouts();
    this.columns = layouts.size();
    int max = 1;
    for (ContinuousLayout layout : layouts) {
      max = Math.max(max, layout.means().length);
    }
    this.maxModes = max;
    this.alphaIndex = new long[columns];
    this.modeIndex = new long[columns * maxModes];
    this.padBias = new float[columns * maxModes];
    this.scales = new float[columns * maxModes];
    this.means = new float[columns * maxModes];
    this.lows = new float[columns];
    this.highs = new float[columns];
    this.roundingScales = new float[columns];
    this.rounded = new boolean[columns];
    boolean any = false;
    for (int c = 0; c < columns; c++) {
      ContinuousLayout layout = layouts.get(c);
      ValueDomain domain = layout.domain();
      lows[c] = toFiniteFloat(domain.min());
      highs[c] = toFiniteFloat(domain.max());
      roundingScales[c] = (float) domain.roundingScale();
      rounded[c] = domain.rounds();
      any |= domain.rounds();
      double[] mu = layout.means();
      double[] sigma = layout.stds();
      alphaIndex[c] = layout.alphaOffset();
      for (int k = 0; k < maxModes; k++) {
        int p = c * maxModes + k;
        modeIndex[p] = layout.modeOffset() + Math.min(k, mu.length - 1);
        if (k < mu.length) {
          scales[p] = (float) (4.0 * sigma[k]);
          means[p] = (float) mu[k];
        } else {
          padBias[p] = PAD_BIAS;
        }
      }
    }
    this.anyRounded = any;
  }

  private static float toFiniteFloat(double value) {
    return (float) Math.max(-Float.MAX_VALUE, Math.min(Float.MAX_VALUE, value));
  }

  /**
   * Draws the uniform noise of the Gumbel-max draws with the engine's random generator.
   *
   * @param manager the manager of the result
   * @param rows the number of rows
   * @return {@code rows x width} values in {@code [U_LOW, U_HIGH)}
   */
  public NDArray uniform(NDManager manager, long rows) {
    return manager.randomUniform(U_LOW, U_HIGH, new Shape(rows, width), DataType.FLOAT32);
  }

  /**
   * Returns tanh on the scalars and Gumbel-perturbed logits on the one-hot blocks.
   *
   * @param logits the generator's raw output, {@code n x width}
   * @param uniform the noise, {@code n x width}
   * @return {@code n x width}, in the manager of {@code logits}
   */
  public NDArray perturbed(NDArray logits, NDArray uniform) {
    NDArray gumbel = uniform.log().neg().log().neg();
    NDArray shifted = logits.add(gumbel);
    long n = logits.getShape().get(0);
    NDArray condition = logits.getManager().create(isTanh, new Shape(1, width)).broadcast(n, width);
    return NDArrays.where(condition, logits.tanh(), shifted);
  }

  /**
   * Returns the rows to decode hard: the argmax of each block of them is the Gumbel-max draw.
   *
   * @param logits the generator's raw output, {@code n x width}
   * @param uniform the noise, {@code n x width}
   * @return {@code n * width} values, row-major
   */
  public float[] hardRows(NDArray logits, NDArray uniform) {
    return perturbed(logits, uniform).toFloatArray();
  }

  /**
   * Returns the generator's output in its own encoded space without any random draw: tanh on the
   * scalars and a plain softmax (the generator's probabilities) on each one-hot block. Two calls with the
   * same inputs give the same values, so rows can be compared across calls.
   *
   * @param logits the generator's raw output, {@code n x width}, possibly with a graph
   * @return {@code n x width}, in the manager of {@code logits}
   */
  public NDArray encoded(NDArray logits) {
    SegmentLayout layout = softmaxLayout;
    if (layout == null) {
      return logits.tanh();
    }
    long n = logits.getShape().get(0);
    NDArray probabilities = SegmentLayout.gatherBack(layout.softmax(logits, false), softmaxBack);
    NDArray condition = logits.getManager().create(isTanh, new Shape(1, width)).broadcast(n, width);
    return NDArrays.where(condition, logits.tanh(), probabilities);
  }

  /**
   * Decodes the continuous columns straight-through: forward value of the hard decode, gradient of the
   * soft one.
   *
   * @param logits the generator's raw output, {@code n x width}, possibly with a graph
   * @param uniform the noise, {@code n x width}
   * @return {@code n x columns} in data units, in the manager of {@code logits}
   */
  public NDArray straightThrough(NDArray logits, NDArray uniform) {
    if (columns == 0) {
      return logits.getManager().zeros(new Shape(logits.getShape().get(0), 0), DataType.FLOAT32);
    }
    return continuousStraightThrough(perturbed(logits, uniform));
  }

  /**
   * Decodes the continuous columns straight-through from rows already perturbed by {@link #perturbed}, so
   * that they share their draws with {@link #categoricalStraightThrough}.
   *
   * @param p the perturbed rows, {@code n x width}, possibly with a graph
   * @return {@code n x columns} in data units, in the manager of {@code p}
   */
  public NDArray continuousStraightThrough(NDArray p) {
    NDManager manager = p.getManager();
    long n = p.getShape().get(0);
    if (columns == 0) {
      return manager.zeros(new Shape(n, 0), DataType.FLOAT32);
    }
    int entries = columns * maxModes;
    NDArray alpha = p.gather(manager.create(alphaIndex, new Shape(1, columns)).broadcast(n, columns), 1);
    NDArray modes = p.gather(manager.create(modeIndex, new Shape(1, entries)).broadcast(n, entries), 1)
        .add(manager.create(padBias, new Shape(1, entries)))
        .reshape(n, columns, maxModes);
    NDArray values = alpha.reshape(n, columns, 1).mul(manager.create(scales, new Shape(1, columns, maxModes)))
        .add(manager.create(means, new Shape(1, columns, maxModes)));
    NDArray weights = modes.mul(EngineScalars.of(modes, 1.0 / tau)).softmax(2);
    NDArray drawn = modes.eq(modes.max(new int[] {2}, true)).toType(DataType.FLOAT32, false);
    NDArray raw = drawn.mul(values.stopGradient()).sum(new int[] {2});
    NDArray soft = weights.mul(values).sum(new int[] {2}).mul(withinRange(raw));
    NDArray hard = inDomain(raw);
    return soft.add(hard.sub(soft).stopGradient());
  }

  /**
   * Decodes one categorical column straight-through from perturbed rows: the forward value is the one-hot
   * of the Gumbel-max draw among its {@code categories} real categories (the argmax of {@code logits + g}
   * that the hard decode takes, unless that is the "missing" slot, which takes no part here, as in
   * {@link #continuousStraightThrough}), the gradient that of the Gumbel-softmax relaxation
   * {@code softmax((logits + g) / tau)} over the same draw.
   *
   * @param p the perturbed rows, {@code n x width}, possibly with a graph
   * @param offset the column's first entry in the row
   * @param categories the number of its real categories (the missing slot, if any, left out)
   * @return {@code n x categories}, in the manager of {@code p}
   */
  public NDArray categoricalStraightThrough(NDArray p, int offset, int categories) {
    NDArray block = p.get(":, " + offset + ":" + (offset + categories));
    NDArray soft = block.mul(EngineScalars.of(block, 1.0 / tau)).softmax(1);
    NDArray hard = block.stopGradient().argMax(1).oneHot(categories).toType(DataType.FLOAT32, false);
    return soft.add(hard.sub(soft).stopGradient());
  }

  /** 1 where the unclipped hard value lies inside its column's range (bounds included), else 0; no graph. */
  private NDArray withinRange(NDArray raw) {
    NDManager manager = raw.getManager();
    Shape row = new Shape(1, columns);
    NDArray low = manager.create(lows, row);
    NDArray high = manager.create(highs, row);
    return raw.gte(low).logicalAnd(raw.lte(high)).toType(DataType.FLOAT32, false);
  }

  /** Clips each column of {@code n x columns} values to its range, then rounds it to its decimals. */
  private NDArray inDomain(NDArray values) {
    NDManager manager = values.getManager();
    Shape row = new Shape(1, columns);
    NDArray low = manager.create(lows, row);
    NDArray high = manager.create(highs, row);
    NDArray clipped = values.maximum(low).minimum(high);
    if (!anyRounded) {
      return clipped;
    }
    NDArray scale = manager.create(roundingScales, row);
    NDArray whole = clipped.mul(scale).round().div(scale).maximum(low).minimum(high);
    NDArray mask = manager.create(rounded, row).broadcast(values.getShape());
    return NDArrays.where(mask, whole, clipped);
  }
}
