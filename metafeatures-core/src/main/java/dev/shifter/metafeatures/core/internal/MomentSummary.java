package dev.shifter.metafeatures.core.internal;

import dev.shifter.api.Arity;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.RowBlock;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * The mergeable summary behind the exact distributed forms of the moment features: per column the count,
 * the mean and the centred power sums {@code M2, M3, M4}, and for pairs the centred cross sums, in double
 * precision. A block is summarized in two passes (its mean, then its centred sums); two summaries merge with
 * the pairwise update formulas of Chan, Golub and LeVeque and of Pebay (Sandia report SAND2008-6212), so the
 * result does not depend on how the rows were split beyond rounding.
 */
public final class MomentSummary implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> names;
  private final int order;
  private final boolean pairs;
  private long n;
  private final double[] mean;
  private final double[] m2;
  private final double[] m3;
  private final double[] m4;
  private final double[] cross;

  private MomentSummary(List<String> names, int order, boolean pairs) {
    this.names = List.copyOf(names);
    this.order = order;
    this.pairs = pairs;
    int d = names.size();
    mean = new double[d];
    m2 = new double[order >= 2 ? d : 0];
    m3 = new double[order >= 3 ? d : 0];
    m4 = new double[order >= 4 ? d : 0];
    cross = new double[pairs ? d * d : 0];
  }

  /**
   * Summarizes the continuous columns of a block.
   *
   * @param block the rows
   * @param order the highest power sum kept, 1 to 4
   * @param pairs whether the cross sums of every pair are kept
   * @return the summary
   */
  public static MomentSummary of(RowBlock block, int order, boolean pairs) {
    MomentSummary summary = new MomentSummary(block.continuousNames(), order, pairs);
    double[][] x = block.continuous();
    int rows = block.rows();
    int d = x.length;
    summary.n = rows;
    if (rows == 0) {
      return summary;
    }
    for (int j = 0; j < d; j++) {
      double sum = 0;
      for (double v : x[j]) {
        sum += v;
      }
      double centre = sum / rows;
      double correction = 0;
      for (double v : x[j]) {
        correction += v - centre;
      }
      summary.mean[j] = centre + correction / rows;
    }
    for (int j = 0; j < d && order >= 2; j++) {
      double c = summary.mean[j];
      double s2 = 0;
      double s3 = 0;
      double s4 = 0;
      for (double v : x[j]) {
        double e = v - c;
        double e2 = e * e;
        s2 += e2;
        s3 += e2 * e;
        s4 += e2 * e2;
      }
      summary.m2[j] = s2;
      if (order >= 3) {
        summary.m3[j] = s3;
      }
      if (order >= 4) {
        summary.m4[j] = s4;
      }
    }
    if (pairs) {
      double[][] centred = new double[d][rows];
      for (int j = 0; j < d; j++) {
        for (int i = 0; i < rows; i++) {
          centred[j][i] = x[j][i] - summary.mean[j];
        }
      }
      for (int a = 0; a < d; a++) {
        for (int b = a; b < d; b++) {
          double s = 0;
          for (int i = 0; i < rows; i++) {
            s += centred[a][i] * centred[b][i];
          }
          summary.cross[a * d + b] = s;
          summary.cross[b * d + a] = s;
        }
      }
    }
    return summary;
  }

  /**
   * Merges another summary of the same columns into this one.
   *
   * @param other the summary of other rows
   * @return this summary, now of both
   * @throws InvalidInputException if the two summarize different columns
   */
  public MomentSummary merge(MomentSummary other) {
    if (!names.equals(other.names) || order != other.order || pairs != other.pairs) {
      throw new InvalidInputException("Cannot merge summaries of different columns: " + names + " and "
          + other.names + ". Summarize every part with the same columns.");
    }
    if (other.n == 0) {
      return this;
    }
    if (n == 0) {
      copy(other);
      return this;
    }
    double na = n;
    double nb = other.n;
    double total = na + nb;
    int d = names.size();
    double[] delta = new double[d];
    for (int j = 0; j < d; j++) {
      delta[j] = other.mean[j] - mean[j];
    }
    if (pairs) {
      for (int a = 0; a < d * d; a++) {
        cross[a] += other.cross[a] + delta[a / d] * delta[a % d] * na * nb / total;
      }
    }
    for (int j = 0; j < d; j++) {
      double dj = delta[j];
      if (order >= 4) {
        m4[j] += other.m4[j] + dj * dj * dj * dj * na * nb * (na * na - na * nb + nb * nb) / (total * total * total)
            + 6 * dj * dj * (na * na * other.m2[j] + nb * nb * m2[j]) / (total * total)
            + 4 * dj * (na * other.m3[j] - nb * m3[j]) / total;
      }
      if (order >= 3) {
        m3[j] += other.m3[j] + dj * dj * dj * na * nb * (na - nb) / (total * total)
            + 3 * dj * (na * other.m2[j] - nb * m2[j]) / total;
      }
      if (order >= 2) {
        m2[j] += other.m2[j] + dj * dj * na * nb / total;
      }
      mean[j] += dj * nb / total;
    }
    n += other.n;
    return this;
  }

  /**
   * Returns the number of rows summarized.
   *
   * @return the count
   */
  public long count() {
    return n;
  }

  /**
   * Returns the mean of each column.
   *
   * @return column name to mean
   */
  public Map<String, Double> means() {
    return perColumn(j -> mean[j]);
  }

  /**
   * Returns the sample variance of each column ({@code M2 / (n - 1)}, or {@code M2} for one row).
   *
   * @return column name to variance
   */
  public Map<String, Double> variances() {
    return perColumn(this::variance);
  }

  /**
   * Returns the sample standard deviation of each column.
   *
   * @return column name to standard deviation
   */
  public Map<String, Double> standardDeviations() {
    return perColumn(j -> Math.sqrt(variance(j)));
  }

  /**
   * Returns the skewness {@code (M3 / n) / s^3} of each column (0 for a constant column).
   *
   * @return column name to skewness
   */
  public Map<String, Double> skewness() {
    return perColumn(j -> m2[j] > 0 ? m3[j] / n / Math.pow(variance(j), 1.5) : 0.0);
  }

  /**
   * Returns the excess kurtosis {@code (M4 / n) / s^4 - 3} of each column (-3 for a constant column).
   *
   * @return column name to kurtosis
   */
  public Map<String, Double> kurtosis() {
    return perColumn(j -> m2[j] > 0 ? m4[j] / n / (variance(j) * variance(j)) - 3 : -3.0);
  }

  /**
   * Returns a function of each pair's covariance and correlation, keyed {@code "a~b"} in upper-triangle order.
   *
   * @param value the entry from a pair's sample covariance and its Pearson correlation (0 if a column is
   *     constant)
   * @return pair key to value
   */
  public Map<String, Double> perPair(PairValue value) {
    int d = names.size();
    Map<String, Double> entries = new LinkedHashMap<>();
    List<String> labels = Arity.PER_PAIR.labels(names);
    int k = 0;
    double divisor = Math.max(n - 1, 1);
    for (int a = 0; a < d; a++) {
      for (int b = a + 1; b < d; b++) {
        double c = cross[a * d + b];
        double norm = Math.sqrt(cross[a * d + a] * cross[b * d + b]);
        double r = norm > 0 ? c / norm : 0.0;
        entries.put(labels.get(k++), value.of(c / divisor, r));
      }
    }
    return entries;
  }

  /** A pair's entry from its covariance and correlation. */
  @FunctionalInterface
  public interface PairValue {
    /**
     * Computes the entry.
     *
     * @param covariance the sample covariance
     * @param correlation the Pearson correlation
     * @return the entry
     */
    double of(double covariance, double correlation);
  }

  private double variance(int j) {
    return m2[j] / Math.max(n - 1, 1);
  }

  private Map<String, Double> perColumn(DoubleIndexFunction value) {
    Map<String, Double> entries = new LinkedHashMap<>();
    for (int j = 0; j < names.size(); j++) {
      entries.put(names.get(j), value.at(j));
    }
    return entries;
  }

  @FunctionalInterface
  private interface DoubleIndexFunction {
    double at(int j);
  }

  private void copy(MomentSummary other) {
    n = other.n;
    System.arraycopy(other.mean, 0, mean, 0, mean.length);
    System.arraycopy(other.m2, 0, m2, 0, m2.length);
    System.arraycopy(other.m3, 0, m3, 0, m3.length);
    System.arraycopy(other.m4, 0, m4, 0, m4.length);
    System.arraycopy(other.cross, 0, cross, 0, cross.length);
  }

  /**
   * Applies a function to every value of a map, keeping its order.
   *
   * @param entries the entries
   * @param f the function
   * @return the new entries
   */
  public static Map<String, Double> mapValues(Map<String, Double> entries, DoubleUnaryOperator f) {
    Map<String, Double> mapped = new LinkedHashMap<>();
    entries.forEach((k, v) -> mapped.put(k, f.applyAsDouble(v)));
    return mapped;
  }

  /**
   * Returns the summarized columns.
   *
   * @return the names
   */
  public List<String> names() {
    return new ArrayList<>(names);
  }
}
