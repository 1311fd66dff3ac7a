package dev.shifter.shift;

import java.util.ArrayList;
import java.util.List;

/**
 * One point of a sweep: its number and the value of every axis there.
 *
 * @param id the point's number, from 1, which also names its table and seeds its rows
 * @param values the requested value of each axis, in the grid's order
 */
public record SweepPoint(int id, List<Double> values) {
  /** Copies the values. */
  public SweepPoint {
    values = List.copyOf(values);
  }

  /**
   * Returns the point as fixed targets.
   *
   * @param axes the grid's axes, in the order of {@link #values()}
   * @return one fixed entry per axis
   */
  public Targets targets(List<SweepAxis> axes) {
    List<TargetEntry> entries = new ArrayList<>();
    for (int i = 0; i < axes.size(); i++) {
      entries.add(TargetEntry.fixed(axes.get(i).feature(), axes.get(i).key(), values.get(i)));
    }
    return Targets.of(entries);
  }
}
