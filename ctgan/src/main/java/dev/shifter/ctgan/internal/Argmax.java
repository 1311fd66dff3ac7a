package dev.shifter.ctgan.internal;

/** The index of the largest entry of a block, the first one on ties (NaN entries never win). */
final class Argmax {
  private Argmax() {}

  /**
   * Returns the position of the largest entry of {@code values[offset, offset + width)}.
   *
   * @param values the rows
   * @param offset the block's first index
   * @param width the block's width, at least 1
   * @return the position within the block, 0 to {@code width - 1}
   */
  static int of(float[] values, int offset, int width) {
    int best = 0;
    float bestValue = Float.NEGATIVE_INFINITY;
    for (int j = 0; j < width; j++) {
      float v = values[offset + j];
      if (v > bestValue) {
        bestValue = v;
        best = j;
      }
    }
    return best;
  }
}
