package dev.shifter.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes a sweep's rows, e.g. {@code rows -> rows.write().partitionBy("point").parquet(path)}: the action
 * that runs the sweep's tasks, each of which makes every row of its point.
 */
@FunctionalInterface
public interface SweepWriter {
  /**
   * Writes the rows.
   *
   * @param rows every point's rows, with the point's number in the first column, {@code point}
   */
  void write(Dataset<Row> rows);
}
