package dev.shifter.ctgan.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hand-built encodings for tests: continuous columns as a tanh scalar plus a one-hot mode, discrete
 * columns as a one-hot category, with category frequencies that the tests can predict.
 */
final class SyntheticEncodings {
  private SyntheticEncodings() {}

  /**
   * Two continuous columns (tanh + 3 modes each) and two discrete columns of 3 and 4 categories,
   * width 15, conditional width 7. Column "c" has categories with probabilities 0.7, 0.2, 0.1;
   * column "d" has 0.5, 0.3, 0.2 and a fourth category that never occurs.
   *
   * @param rows the number of rows
   * @param seed the seed
   * @return the encoded data
   */
  static EncodedData small(int rows, long seed) {
    return build(rows, seed, new int[] {3, 3}, List.of(new double[] {0.7, 0.2, 0.1},
        new double[] {0.5, 0.3, 0.2, 0.0}));
  }

  /**
   * Like Adult after CTGAN's transform: six continuous columns of 8 modes and nine discrete columns
   * with Adult's category counts (9, 16, 7, 15, 6, 5, 2, 42, 2): width 158, conditional width 104.
   *
   * @param rows the number of rows
   * @param seed the seed
   * @return the encoded data
   */
  static EncodedData adultLike(int rows, long seed) {
    int[] counts = {9, 16, 7, 15, 6, 5, 2, 42, 2};
    List<double[]> frequencies = new ArrayList<>();
    for (int count : counts) {
      double[] p = new double[count];
      for (int k = 0; k < count; k++) {
        p[k] = 1.0 / (k + 1);
      }
      frequencies.add(p);
    }
    return build(rows, seed, new int[] {8, 8, 8, 8, 8, 8}, frequencies);
  }

  /**
   * Continuous columns only (no conditional vector).
   *
   * @param rows the number of rows
   * @param seed the seed
   * @return the encoded data
   */
  static EncodedData continuousOnly(int rows, long seed) {
    return build(rows, seed, new int[] {2, 4}, List.of());
  }

  private static EncodedData build(
      int rows, long seed, int[] modes, List<double[]> categoryWeights) {
    Random random = new Random(seed);
    List<OutputSpan> spans = new ArrayList<>();
    List<DiscreteColumnInfo> discrete = new ArrayList<>();
    int offset = 0;
    for (int m : modes) {
      spans.add(new OutputSpan(offset, 1, Activation.TANH));
      spans.add(new OutputSpan(offset + 1, m, Activation.SOFTMAX));
      offset += 1 + m;
    }
    int condOffset = 0;
    for (int c = 0; c < categoryWeights.size(); c++) {
      int k = categoryWeights.get(c).length;
      spans.add(new OutputSpan(offset, k, Activation.SOFTMAX));
      discrete.add(new DiscreteColumnInfo("cat" + c, offset, condOffset, k));
      offset += k;
      condOffset += k;
    }
    int width = offset;
    float[] values = new float[rows * width];
    int[][] categoryOfRow = new int[categoryWeights.size()][rows];
    for (int r = 0; r < rows; r++) {
      int base = r * width;
      int at = 0;
      for (int m : modes) {
        int mode = random.nextInt(m);
        values[base + at] = (float) Math.max(-0.99, Math.min(0.99, random.nextGaussian() * 0.3));
        values[base + at + 1 + mode] = 1f;
        at += 1 + m;
      }
      for (int c = 0; c < categoryWeights.size(); c++) {
        double[] weights = categoryWeights.get(c);
        int k = draw(weights, random);
        categoryOfRow[c][r] = k;
        values[base + discrete.get(c).dataOffset() + k] = 1f;
      }
    }
    return new EncodedData(values, rows, width, spans, discrete, categoryOfRow);
  }

  private static int draw(double[] weights, Random random) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = random.nextDouble() * total;
    for (int k = 0; k < weights.length; k++) {
      u -= weights[k];
      if (u < 0 && weights[k] > 0) {
        return k;
      }
    }
    int last = weights.length - 1;
    while (weights[last] == 0) {
      last--;
    }
    return last;
  }
}
