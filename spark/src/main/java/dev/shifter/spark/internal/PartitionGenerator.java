package dev.shifter.spark.internal;

import dev.shifter.api.Table;
import java.util.Iterator;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.util.TaskCompletionListener;
import org.apache.spark.sql.Row;

/**
 * Generates a partition inside an executor: the partition's index picks its row count and seed from the
 * plan, so a retried or speculative task makes the same rows again.
 */
public final class PartitionGenerator implements Function2<Integer, Iterator<Integer>, Iterator<Row>> {
  private static final long serialVersionUID = 1L;

  private final GenerationSpec spec;

  /**
   * Creates the generator.
   *
   * @param spec what to generate
   */
  public PartitionGenerator(GenerationSpec spec) {
    this.spec = spec;
  }

  @Override
  public Iterator<Row> call(Integer partition, Iterator<Integer> ignored) {
    BufferAllocator allocator = new RootAllocator();
    Table table;
    try {
      table = ExecutorModels.generate(spec, partition, allocator);
    } catch (RuntimeException e) {
      allocator.close();
      throw e;
    }
    TableRows rows = new TableRows(table, allocator);
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener((TaskCompletionListener) context -> rows.close());
    }
    return rows;
  }
}
