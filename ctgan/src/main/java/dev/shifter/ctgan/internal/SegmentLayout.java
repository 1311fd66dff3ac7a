package dev.shifter.ctgan.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A softmax over many one-hot blocks of a row at once, with a fixed number of NDArray operations
 * however many blocks there are.
 *
 * <p>The blocks (segments) of each row are gathered into a padded {@code segments x maxWidth}
 * layout (one gather; pad entries copy a real entry of their segment), pad entries get a large
 * negative bias, the softmax runs along the last axis, and a second gather takes the results back
 * to the row's own layout. Pad entries come out as exact zeros, so they neither change the result
 * nor receive a gradient. A softmax per block instead costs a handful of operations per block,
 * which dominates a step when a table has dozens of blocks.
 *
 * <p>One wide block (Adult's 42 countries) pads every other block to its width. Splitting the
 * blocks into a narrow and a wide group was measured on an Adult-sized batch of 500: the five
 * extra operations of a second group cost more than the padded entries they save, so there is one
 * group.
 *
 * <p>The layout holds only Java arrays; the index arrays are created per call in the manager of the
 * input, so nothing native outlives a training step.
 */
final class SegmentLayout {
  /** Added to pad entries before the softmax: exp of it is exactly 0 in float32. */
  private static final float PAD_BIAS = -1e9f;

  private final int segments;
  private final int maxWidth;
  private final int[] widths;
  private final long[] gatherIndex;
  private final float[] padBias;
  private final boolean hasPadding;

  /**
   * Builds the layout of segments {@code [offsets[s], offsets[s] + widths[s])} of a row.
   *
   * @param offsets the first column of each segment
   * @param widths the width of each segment (at least 1)
   */
  SegmentLayout(int[] offsets, int[] widths) {
    if (offsets.length != widths.length || offsets.length == 0) {
      throw new IllegalArgumentException("need at least one segment and one width per offset");
    }
    int max = 0;
    for (int w : widths) {
      if (w < 1) {
        throw new IllegalArgumentException("segment width must be at least 1, got " + w);
      }
      max = Math.max(max, w);
    }
    this.widths = widths.clone();
    this.segments = widths.length;
    this.maxWidth = max;
    this.gatherIndex = new long[segments * maxWidth];
    this.padBias = new float[segments * maxWidth];
    boolean padded = false;
    for (int s = 0; s < segments; s++) {
      for (int j = 0; j < maxWidth; j++) {
        int p = s * maxWidth + j;
        gatherIndex[p] = offsets[s] + Math.min(j, widths[s] - 1);
        if (j >= widths[s]) {
          padBias[p] = PAD_BIAS;
          padded = true;
        }
      }
    }
    this.hasPadding = padded;
  }

  /**
   * Applies a softmax (or log-softmax) within each segment of the rows.
   *
   * @param x the rows, {@code n x width}
   * @param log whether to return the log-softmax
   * @return an {@code n x (segments * maxWidth)} array in the padded layout; pad entries are 0
   *     (softmax) or very negative (log-softmax)
   */
  NDArray softmax(NDArray x, boolean log) {
    long n = x.getShape().get(0);
    NDManager manager = x.getManager();
    int entries = gatherIndex.length;
    NDArray padded = gathered(x);
    if (hasPadding) {
      padded = padded.add(manager.create(padBias, new Shape(1, entries)));
    }
    NDArray grouped = padded.reshape(n, segments, maxWidth);
    NDArray result = log ? grouped.logSoftmax(2) : grouped.softmax(2);
    return result.reshape(n, entries);
  }

  /**
   * Applies a softmax within each segment after flooring every input at {@code floor} below its
   * segment's largest one: {@code softmax(max(x - max_s(x), -floor))}.
   *
   * <p>The floor keeps the softmax and its backward pass out of float32's subnormal range. A saturated
   * Gumbel-softmax (inputs divided by a temperature of 0.2) otherwise makes probabilities below
   * {@code 1e-38}, and the products of its backward pass with them are subnormal too; many x86 CPUs
   * compute on subnormal operands many times slower. This is the suspected cause (not proven) of
   * training steps that ran 40-60 % slower late in training than early on one machine; another machine
   * showed no such slowdown. With a floor of 40 the smallest probability is about
   * {@code exp(-40) = 4e-18}, eleven orders of magnitude below float32's resolution at 1, so the
   * forward values are unchanged to float32 precision except for entries that were already below it;
   * floored entries get no gradient (theirs was below {@code 1e-17} of the largest one's).
   *
   * @param x the rows, {@code n x width}
   * @param floor how far below its segment's largest input an input may lie (positive)
   * @return an {@code n x (segments * maxWidth)} array in the padded layout; pad entries are 0
   */
  NDArray flooredSoftmax(NDArray x, float floor) {
    long n = x.getShape().get(0);
    NDManager manager = x.getManager();
    NDArray grouped = gathered(x).reshape(n, segments, maxWidth);
    // pad entries copy a real entry of their segment, so the maximum over the padded block is the segment's
    NDArray top = grouped.stopGradient().max(new int[] {2}, true);
    NDArray shifted = grouped.sub(top).maximum(-floor);
    if (hasPadding) {
      shifted = shifted.add(manager.create(padBias, new Shape(1, segments, maxWidth)));
    }
    return shifted.softmax(2).reshape(n, gatherIndex.length);
  }

  /** Gathers the rows into the padded layout, {@code n x (segments * maxWidth)}, pads copying a real entry. */
  private NDArray gathered(NDArray x) {
    long n = x.getShape().get(0);
    int entries = gatherIndex.length;
    NDArray index = x.getManager().create(gatherIndex, new Shape(1, entries)).broadcast(n, entries);
    return x.gather(index, 1);
  }

  /**
   * Builds the index that takes padded entries back to a layout of {@code width} columns: column
   * {@code target[s] + j} receives entry {@code j} of segment {@code s}; columns no segment maps to
   * read entry 0 (the caller masks them).
   *
   * @param target where each segment starts in the destination layout
   * @param width the destination width
   * @return the index, one entry per destination column
   */
  long[] backIndex(int[] target, int width) {
    long[] index = new long[width];
    for (int s = 0; s < segments; s++) {
      for (int j = 0; j < widths[s]; j++) {
        index[target[s] + j] = (long) s * maxWidth + j;
      }
    }
    return index;
  }

  /**
   * Takes padded entries back to another layout with an index from {@link #backIndex}.
   *
   * @param padded an {@code n x (segments * maxWidth)} array
   * @param index the index from {@link #backIndex}
   * @return an {@code n x index.length} array
   */
  static NDArray gatherBack(NDArray padded, long[] index) {
    long n = padded.getShape().get(0);
    NDArray idx = padded.getManager().create(index, new Shape(1, index.length)).broadcast(
        n, index.length);
    return padded.gather(idx, 1);
  }
}
