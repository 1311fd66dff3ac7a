package dev.shifter.sweep;

import java.util.List;
import java.util.OptionalDouble;

/**
 * What one point of a sweep made: one row of {@code manifest.csv}.
 *
 * @param id the point's number
 * @param file the table's file name, relative to the sweep's folder
 * @param requested the requested value of each axis
 * @param reached the value the table has, per axis
 * @param relativeErrors {@code |reached - requested| / |requested|} per axis ({@code |reached|} for a
 *     requested 0), as {@link dev.shifter.shift.TargetReport#relativeError()} gives it
 * @param withinTolerance whether every entry is within the Shifter's tolerance
 * @param madeBy {@link #RANGE} when the range Shifter made the table, {@link #REFINED} when a Shifter
 *     trained for this point alone did (see {@link Sweep.Builder#optRefine})
 * @param detection the LogisticDetection score of the table against the real data (1 = indistinguishable),
 *     when real data was given
 */
public record SweepRecord(int id, String file, List<Double> requested, List<Double> reached,
    List<Double> relativeErrors, boolean withinTolerance, String madeBy, OptionalDouble detection) {
  /** {@link #madeBy()} of a table that the range Shifter made. */
  public static final String RANGE = "range";
  /** {@link #madeBy()} of a table that the point's own Shifter made. */
  public static final String REFINED = "refined";

  /** Copies the lists. */
  public SweepRecord {
    requested = List.copyOf(requested);
    reached = List.copyOf(reached);
    relativeErrors = List.copyOf(relativeErrors);
  }

  /**
   * Returns the largest relative error over the axes.
   *
   * @return the worst entry's relative error
   */
  public double worstRelativeError() {
    return relativeErrors.stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }
}
