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
    double[] worst = records.stream().mapToDouble(SweepRecord::worstRelativeError).sorted().toArray();
    if (worst.length == 0) {
      return Double.NaN;
    }
    int mid = worst.length / 2;
    return worst.length % 2 == 1 ? worst[mid] : (worst[mid - 1] + worst[mid]) / 2;
  }

  /**
   * Returns the largest relative error of any entry at any point.
   *
   * @return the worst error, 0 without points
   */
  public double worstRelativeError() {
    return Arrays.stream(records.stream().mapToDouble(SweepRecord::worstRelativeError).toArray()).max().orElse(0);
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
