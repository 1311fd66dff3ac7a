package dev.shifter.spark.internal;

import dev.shifter.api.Table;
import org.apache.arrow.memory.BufferAllocator;

/** A loaded model (and Shifter) that makes one partition's table; kept by an executor between tasks. */
interface PartitionSource extends AutoCloseable {

  /**
   * Generates one partition.
   *
   * @param allocator owns the table
   * @param rows the number of rows
   * @param seed the partition's seed
   * @return the table; the caller closes it
   */
  Table generate(BufferAllocator allocator, int rows, long seed);

  @Override
  void close();
}
