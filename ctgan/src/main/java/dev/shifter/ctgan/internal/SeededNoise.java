package dev.shifter.ctgan.internal;

import dev.shifter.commons.Seeds;
import java.util.SplittableRandom;

/**
 * Noise drawn in Java from a seed, independent of the engine's global random generator and of the
 * number of threads: rows are drawn in fixed chunks ({@link ChunkedRows}), each from its own generator
 * seeded with {@code derive(seed, chunk)}, in parallel.
 */
final class SeededNoise {
  private SeededNoise() {}

  /**
   * Draws standard normal values.
   *
   * @param rows the number of rows
   * @param cols the number of columns
   * @param seed the seed
   * @return {@code rows * cols} values, row-major
   */
  static float[] normal(int rows, int cols, long seed) {
    float[] out = new float[rows * cols];
    ChunkedRows.forEach(rows, (chunk, from, to) -> {
      SplittableRandom random = new SplittableRandom(Seeds.derive(seed, chunk));
      for (int i = from * cols; i < to * cols; i++) {
        out[i] = (float) random.nextGaussian();
      }
    });
    return out;
  }

  /**
   * Draws uniform values in {@code [GumbelDecoder.U_LOW, GumbelDecoder.U_HIGH]} for Gumbel-max draws.
   *
   * @param rows the number of rows
   * @param cols the number of columns
   * @param seed the seed
   * @return {@code rows * cols} values, row-major
   */
  static float[] uniform(int rows, int cols, long seed) {
    float[] out = new float[rows * cols];
    ChunkedRows.forEach(rows, (chunk, from, to) -> {
      SplittableRandom random = new SplittableRandom(Seeds.derive(seed, chunk));
      for (int i = from * cols; i < to * cols; i++) {
        out[i] = Math.max(GumbelDecoder.U_LOW, Math.min(GumbelDecoder.U_HIGH, (float) random.nextDouble()));
      }
    });
    return out;
  }
}
