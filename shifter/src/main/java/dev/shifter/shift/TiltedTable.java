package dev.shifter.shift;

import dev.shifter.api.Table;
import java.util.List;

/**
 * A table drawn by the reweighting baseline ({@link TiltGenerator}) and how close it came to each
 * target entry.
 *
 * @param table the table, with the model's columns; closed with this record
 * @param report one line per target entry, in target order; "unshifted" is the plain generator's value
 *     on as many rows
 * @param effectiveSampleSize the effective sample size {@code 1 / sum w_i^2} of the pool's weights
 * @param poolRows the rows drawn from the generator before reweighting
 */
public record TiltedTable(Table table, List<TargetReport> report, double effectiveSampleSize, int poolRows)
    implements AutoCloseable {

  /** Copies the report. */
  public TiltedTable {
    report = List.copyOf(report);
  }

  /** Frees the table. */
  @Override
  public void close() {
    table.close();
  }
}
