package dev.shifter.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What one point of a sweep reached, measured on its table by the task that made it.
 *
 * @param point the point's number, from 1
 * @param entries each targeted entry, e.g. {@code "mean[age]"}
 * @param requested each entry's requested value
 * @param reached each entry's value in the table
 * @param relativeErrors {@code |reached - requested| / |requested|} (or {@code |reached|} for 0) per entry
 * @param withinTolerance whether every entry is within the Shifter's tolerance
 */
public record PointReport(int point, List<String> entries, List<Double> requested, List<Double> reached,
    List<Double> relativeErrors, boolean withinTolerance) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Copies the lists. */
  public PointReport {
    entries = List.copyOf(entries);
    requested = List.copyOf(requested);
    reached = List.copyOf(reached);
    relativeErrors = List.copyOf(relativeErrors);
  }
}
