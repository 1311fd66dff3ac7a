package dev.shifter.shift;

import dev.shifter.api.Table;
import java.util.List;

/**
 * A generated, shifted table and how close it came to each target entry.
 *
 * @param table the table, with the model's columns; closed with this record
 * @param report one line per target entry, in target order
 */
public record ShiftedTable(Table table, List<TargetReport> report) implements AutoCloseable {

  /** Copies the report. */
  public ShiftedTable {
    report = List.copyOf(report);
  }

  /**
   * Tells whether every entry is within its tolerance.
   *
   * @return true if all are
   */
  public boolean allWithinTolerance() {
    return report.stream().allMatch(TargetReport::withinTolerance);
  }

  /** Frees the table. */
  @Override
  public void close() {
    table.close();
  }
}
