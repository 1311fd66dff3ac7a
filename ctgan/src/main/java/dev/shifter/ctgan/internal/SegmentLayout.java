package dev.shifter.ctgan.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A softmax over many one-hot blocks of a row at once, with a fixed number of NDArray operations
 * however many blocks there are.
 *
 * <p>The blocks (segments) of each row are gathered into a padded {@code segments x maxWidth} layout
 * (one gather), padding entries get a large negative bias, the softmax runs along the last axis, and
 * a second gather takes the results back to the row's own layout. Pad entries come out as exact
 * zeros, so they neither change the result nor receive a gradient. A softmax per block instead costs
 * a handful of operations per block, which dominates a step when a table has dozens of blocks.
 *
 * <p>The layout holds only Java arrays; the index arrays are created per call in the manager of the
 * input, so nothing native outlives a training step.
 */
final class SegmentLayout {
  /** Added to pad entries before the softmax: exp of it is exactly 0 in float32. */
  private static final float PAD_BIAS = -1e9f;

  private final int segments;
  private final int maxWidth;
  private final long[] gatherIndex;
  private final float[] padBias;
  private final boolean hasPadding;
  private final int[] widths;

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
    this.widths = widths.clone();
    this.segments = offsets.length;
    int max = 0;
    for (int w : widths) {
      if (w < 1) {
        throw new IllegalArgumentException("segment width must be at least 1, got " + w);
      }
      max = Math.max(max, w);
    }
    this.maxWidth = max;
    this.gatherIndex = new long[segments * maxWidth];
    this.padBias = new float[segments * maxWidth];
    boolean padded = false;
    for (int s = 0; s < segments; s++) {
      for (int j = 0; j < maxWidth; j++) {
        int p = s * maxWidth + j;
        if (j < widths[s]) {
          gatherIndex[p] = offsets[s] + j;
        } else {
          gatherIndex[p] = offsets[s];
          padBias[p] = PAD_BIAS;
          padded = true;
        }
      }
    }
    this.hasPadding = padded;
  }

  /**
   * Returns the number of entries of a padded row.
   *
   * @return {@code segments * maxWidth}
   */
  int paddedWidth() {
    return segments * maxWidth;
  }

  /**
   * Gathers the segments of {@code x} ({@code n x width}) into the padded layout.
   *
   * @param x the rows
   * @return an {@code n x paddedWidth()} array (pad entries hold a copy of a real entry)
   */
  NDArray gather(NDArray x) {
    long n = x.getShape().get(0);
    NDManager manager = x.getManager();
    NDArray index = manager.create(gatherIndex, new Shape(1, gatherIndex.length)).broadcast(
        n, gatherIndex.length);
    return x.gather(index, 1);
  }

  /**
   * Applies a softmax (or log-softmax) within each segment of a padded array.
   *
   * @param padded an {@code n x paddedWidth()} array from {@link #gather}, possibly transformed
   * @param log whether to return the log-softmax
   * @return an {@code n x paddedWidth()} array; pad entries are 0 (softmax) or very negative (log)
   */
  NDArray softmax(NDArray padded, boolean log) {
    long n = padded.getShape().get(0);
    NDArray biased = padded;
    if (hasPadding) {
      biased = padded.add(padded.getManager().create(padBias, new Shape(1, padBias.length)));
    }
    NDArray grouped = biased.reshape(n, segments, maxWidth);
    NDArray result = log ? grouped.logSoftmax(2) : grouped.softmax(2);
    return result.reshape(n, (long) segments * maxWidth);
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
   * @param padded an {@code n x paddedWidth()} array
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
