package dev.shifter.report.internal;

import java.util.Arrays;
import java.util.List;

/**
 * Histograms of several samples of one column on the same bins, as densities (each integrates to 1).
 *
 * <p>The bins span, over the samples, the lowest 0.5th and the highest 99.5th percentile, so one
 * far outlier does not squeeze the rest into a single bar; values beyond fall into the end bins. A
 * column of whole numbers gets bins of a whole width centred on whole numbers (one number per bin
 * over at most {@value #MAX_UNIT_BINS} numbers), so no bin holds more numbers than its neighbours;
 * any other column gets {@value #BINS} bins of equal width.
 *
 * @param edges the bin edges, ascending, one more than the bins
 * @param densities per sample, the density of each bin: {@code count / (n * width)}; zeros for an
 *     empty sample
 * @param clipped the number of values, over all samples, that lay beyond the edges
 */
public record Histogram(double[] edges, List<double[]> densities, int clipped) {
  /** The number of bins of a continuous column. */
  public static final int BINS = 40;
  /** The most whole numbers that get a bin each. */
  public static final int MAX_UNIT_BINS = 60;
  private static final double TAIL = 0.005;

  /** Copies the list. */
  public Histogram {
    densities = List.copyOf(densities);
  }

  /**
   * Bins the samples.
   *
   * @param samples the present values of each sample
   * @return the histogram
   */
  public static Histogram of(List<double[]> samples) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    boolean whole = true;
    for (double[] sample : samples) {
      if (sample.length == 0) {
        continue;
      }
      double[] sorted = sample.clone();
      Arrays.sort(sorted);
      low = Math.min(low, quantile(sorted, TAIL));
      high = Math.max(high, quantile(sorted, 1 - TAIL));
      for (double v : sample) {
        if (v != Math.rint(v)) {
          whole = false;
          break;
        }
      }
    }
    if (low > high) {
      low = 0;
      high = 1;
    }
    double[] edges = whole ? wholeEdges(low, high) : equalEdges(low, high);
    int bins = edges.length - 1;
    double width = (edges[bins] - edges[0]) / bins;
    int clipped = 0;
    double[][] densities = new double[samples.size()][bins];
    for (int s = 0; s < samples.size(); s++) {
      double[] sample = samples.get(s);
      for (double v : sample) {
        int bin = (int) Math.floor((v - edges[0]) / width);
        if (bin < 0 || bin >= bins) {
          clipped += v < edges[0] || v > edges[bins] ? 1 : 0;
          bin = Math.max(0, Math.min(bins - 1, bin));
        }
        densities[s][bin]++;
      }
      for (int b = 0; b < bins && sample.length > 0; b++) {
        densities[s][b] /= sample.length * width;
      }
    }
    return new Histogram(edges, Arrays.asList(densities), clipped);
  }

  private static double[] wholeEdges(double low, double high) {
    double first = Math.rint(low);
    double numbers = Math.rint(high) - first + 1;
    double width = Math.ceil(numbers / MAX_UNIT_BINS);
    int bins = (int) Math.ceil(numbers / width);
    double[] edges = new double[bins + 1];
    for (int i = 0; i <= bins; i++) {
      edges[i] = first - 0.5 + i * width;
    }
    return edges;
  }

  private static double[] equalEdges(double low, double high) {
    double from = low;
    double to = high;
    if (to - from <= 0) {
      double pad = Math.max(0.5, Math.abs(from) * 0.05);
      from -= pad;
      to += pad;
    }
    double[] edges = new double[BINS + 1];
    for (int i = 0; i <= BINS; i++) {
      edges[i] = from + (to - from) * i / BINS;
    }
    return edges;
  }

  /**
   * Returns a quantile of sorted values, linearly interpolated.
   *
   * @param sorted ascending values, at least one
   * @param q in [0, 1]
   * @return the quantile
   */
  static double quantile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(sorted.length - 1, below + 1);
    return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
  }
}
