package dev.shifter.spark.internal;

import dev.shifter.api.InvalidInputException;
import dev.shifter.commons.Seeds;
import java.io.Serializable;
import java.util.Locale;

/**
 * How a generation's rows are split over partitions: partition {@code i} of {@code p} holds
 * {@code rows / p} rows, one more for {@code i < rows % p}, drawn with the seed
 * {@code Seeds.derive(seed, i)}. So a partition is exactly what one single-machine generation of that many
 * rows with that seed makes.
 *
 * @param rows the total number of rows
 * @param partitions the number of partitions
 * @param seed the generation's seed
 */
public record PartitionPlan(long rows, int partitions, long seed) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The most rows one partition may hold: it is generated in memory, as one table. */
  public static final int MAX_ROWS_PER_PARTITION = 50_000_000;

  /** Checks the counts. */
  public PartitionPlan {
    if (rows < 0) {
      throw new InvalidInputException("Cannot generate " + rows + " rows. Ask for 0 or more.");
    }
    if (partitions < 1) {
      throw new InvalidInputException("Cannot generate into " + partitions + " partitions. Ask for 1 or more.");
    }
    long largest = rows / partitions + (rows % partitions == 0 ? 0 : 1);
    if (largest > MAX_ROWS_PER_PARTITION) {
      throw new InvalidInputException(String.format(Locale.ROOT, "%,d rows in %d partitions put %,d rows "
          + "in one partition, more than the %,d a partition holds in memory. Use at least %d partitions.", rows,
          partitions, largest, MAX_ROWS_PER_PARTITION, (rows + MAX_ROWS_PER_PARTITION - 1) / MAX_ROWS_PER_PARTITION));
    }
  }

  /**
   * Returns the number of rows of one partition.
   *
   * @param partition the index, 0 to {@code partitions - 1}
   * @return its row count
   */
  public int rowsOf(int partition) {
    return Math.toIntExact(rows / partitions + (partition < rows % partitions ? 1 : 0));
  }

  /**
   * Returns the seed of one partition.
   *
   * @param partition the index
   * @return {@code Seeds.derive(seed, partition)}
   */
  public long seedOf(int partition) {
    return Seeds.derive(seed, partition);
  }
}
