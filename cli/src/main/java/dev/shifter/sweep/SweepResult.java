package dev.shifter.sweep;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What a {@link Sweep} made.
 *
 * @param output the sweep's folder
 * @param records the manifest's rows, in point order
 * @param trainingSeconds the seconds spent training (or loading) the range Shifter in this run
 * @param totalSeconds the seconds of the whole run
 */
public record SweepResult(Path output, List<SweepRecord> records, double trainingSeconds, double totalSeconds) {
  /** Copies the list. */
  public SweepResult {
    records = List.copyOf(records);
  }

  /**
   * Returns the median over the points of the worst entry's relative error.
   *
   * @return the median, or NaN without points
   */
  public double medianWorstRelativeError() {
    return median(records.stream().mapToDouble(SweepRecord::worstRelativeError).toArray());
  }

  /**
   * Returns the median of values.
   *
   * @param values the values, in any order
   * @return the median, or NaN for none
   */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /**
   * Returns the largest relative error of any entry at any point.
   *
   * @return the worst error, 0 without points
   */
  public double worstRelativeError() {
    return records.stream().mapToDouble(SweepRecord::worstRelativeError).max().orElse(0);
  }

  /**
   * Counts the points whose every entry is within tolerance.
   *
   * @return the count
   */
  public long withinTolerance() {
    return records.stream().filter(SweepRecord::withinTolerance).count();
  }
}
