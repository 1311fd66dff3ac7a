package dev.shifter.metafeatures.core.internal;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.EngineScalars;

/**
 * pymfe's entropies and concentration coefficients, exactly in double from codes (the values reported) and
 * as NDArray expressions over one-hots (the gradient path). Logarithms are base 2; joint tables and
 * concentration tables add pymfe's 1e-8 to every cell of the values that occur.
 */
public final class InfoTheory {
  /** pymfe's smoothing of joint probability tables. */
  public static final double EPSILON = 1e-8;
  private static final double LN2 = Math.log(2);
  private static final double FLOOR = 1e-30;

  private InfoTheory() {}

  /**
   * Shannon entropy (bits) of codes.
   *
   * @param attribute the attribute
   * @return {@code -sum p log2 p}
   */
  public static double entropy(Attribute attribute) {
    double[] counts = new double[attribute.size()];
    for (int code : attribute.codes()) {
      counts[code]++;
    }
    double n = attribute.codes().length;
    double h = 0;
    for (double count : counts) {
      if (count > 0) {
        double p = count / n;
        h -= p * Math.log(p) / LN2;
      }
    }
    return h;
  }

  /**
   * The entropy's gradient path.
   *
   * @param oneHot an {@code n x k} one-hot
   * @return a 1-element float32 array
   */
  public static NDArray entropy(NDArray oneHot) {
    NDArray p = oneHot.mean(new int[] {0});
    NDArray nats = p.mul(p.maximum(1e-12f).log()).sum().reshape(1).neg();
    return nats.div(EngineScalars.of(nats, LN2));
  }

  /**
   * The joint probability table of two attributes, {@code P[i][j] = P(a = i, b = j) + 1e-8}.
   *
   * @param a the first attribute (rows)
   * @param b the second (columns)
   * @return the table
   */
  public static double[][] joint(Attribute a, Attribute b) {
    double[][] table = new double[a.size()][b.size()];
    int[] ca = a.codes();
    int[] cb = b.codes();
    for (int r = 0; r < ca.length; r++) {
      table[ca[r]][cb[r]]++;
    }
    double n = ca.length;
    for (double[] row : table) {
      for (int j = 0; j < row.length; j++) {
        row[j] = row[j] / n + EPSILON;
      }
    }
    return table;
  }

  /**
   * The joint probability table's gradient path.
   *
   * @param a the first one-hot, {@code n x ka}
   * @param b the second, {@code n x kb}
   * @return the {@code ka x kb} table
   */
  public static NDArray joint(NDArray a, NDArray b) {
    long n = a.getShape().get(0);
    NDArray counts = a.transpose().matMul(b);
    return counts.div(EngineScalars.of(counts, n)).add((float) EPSILON);
  }

  /**
   * pymfe's joint entropy: {@code -sum P log2 P} over the smoothed joint table.
   *
   * @param table the joint table
   * @return the entropy in bits
   */
  public static double jointEntropy(double[][] table) {
    double h = 0;
    for (double[] row : table) {
      for (double p : row) {
        h -= p * Math.log(Math.max(p, FLOOR)) / LN2;
      }
    }
    return h;
  }

  /**
   * The joint entropy's gradient path.
   *
   * @param table the smoothed joint table
   * @return a 1-element array
   */
  public static NDArray jointEntropy(NDArray table) {
    NDArray nats = table.mul(table.log()).sum().reshape(1).neg();
    return nats.div(EngineScalars.of(nats, LN2));
  }

  /**
   * pymfe's concentration coefficient of {@code x} towards {@code y} (Goodman and Kruskal's tau): with
   * {@code p} the smoothed joint table (rows x, columns y),
   * {@code (sum p_ij^2 / p_.j - sum p_i.^2) / (1 - sum p_i.^2)}.
   *
   * @param table the smoothed joint table of x (rows) and y (columns)
   * @return the coefficient
   */
  public static double concentration(double[][] table) {
    int rows = table.length;
    int columns = table[0].length;
    double[] columnSums = new double[columns];
    double rowSquares = 0;
    for (double[] row : table) {
      double rowSum = 0;
      for (int j = 0; j < columns; j++) {
        columnSums[j] += row[j];
        rowSum += row[j];
      }
      rowSquares += rowSum * rowSum;
    }
    double ratio = 0;
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        ratio += table[i][j] * table[i][j] / columnSums[j];
      }
    }
    return (ratio - rowSquares) / (1.0 - rowSquares);
  }

  /**
   * The concentration coefficient's gradient path.
   *
   * @param table the smoothed joint table of x (rows) and y (columns)
   * @return a 1-element array
   */
  public static NDArray concentration(NDArray table) {
    NDArray columnSums = table.sum(new int[] {0}, true);
    NDArray rowSquares = table.sum(new int[] {1}).square().sum().reshape(1);
    NDArray ratio = table.square().div(columnSums).sum().reshape(1);
    return ratio.sub(rowSquares).div(rowSquares.neg().add(1f));
  }
}
