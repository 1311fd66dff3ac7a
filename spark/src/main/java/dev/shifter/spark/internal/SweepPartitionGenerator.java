package dev.shifter.spark.internal;

import dev.shifter.shift.ShiftedTable;
import dev.shifter.shift.TargetReport;
import dev.shifter.shift.Targets;
import dev.shifter.spark.PointReport;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Row;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.TaskCompletionListener;

/**
 * Makes one point of a sweep inside an executor: partition {@code i} is point {@code i + 1}, drawn with
 * {@code seed + i + 1}; the point's report goes to the driver through an accumulator (a retried or
 * speculative task reports the same values again, which the driver keeps once).
 */
public final class SweepPartitionGenerator implements Function2<Integer, Iterator<Integer>, Iterator<Row>> {
  private static final long serialVersionUID = 1L;

  private final GenerationSpec spec;
  private final List<String> targetJson;
  private final int rows;
  private final long seed;
  private final CollectionAccumulator<PointReport> reports;

  /**
   * Creates the generator.
   *
   * @param spec the model and the range Shifter
   * @param targetJson each point's targets as JSON
   * @param rows the rows of each point
   * @param seed the sweep's seed
   * @param reports where the points' reports go
   */
  public SweepPartitionGenerator(GenerationSpec spec, List<String> targetJson, int rows, long seed,
      CollectionAccumulator<PointReport> reports) {
    this.spec = spec;
    this.targetJson = List.copyOf(targetJson);
    this.rows = rows;
    this.seed = seed;
    this.reports = reports;
  }

  @Override
  public Iterator<Row> call(Integer partition, Iterator<Integer> ignored) {
    int point = partition + 1;
    BufferAllocator allocator = new RootAllocator();
    ShiftedTable shifted;
    try {
      shifted = ExecutorModels.generatePoint(spec, Targets.parse(targetJson.get(partition)), rows, seed + point,
          allocator);
    } catch (RuntimeException e) {
      allocator.close();
      throw e;
    }
    reports.add(report(point, shifted.report()));
    TableRows table = new TableRows(shifted.table(), allocator, point);
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener((TaskCompletionListener) context -> table.close());
    }
    return table;
  }

  private static PointReport report(int point, List<TargetReport> entries) {
    List<String> labels = new ArrayList<>();
    List<Double> requested = new ArrayList<>();
    List<Double> reached = new ArrayList<>();
    List<Double> errors = new ArrayList<>();
    boolean within = true;
    for (TargetReport entry : entries) {
      labels.add(entry.label());
      requested.add(entry.target());
      reached.add(entry.reached());
      errors.add(entry.relativeError());
      within &= entry.withinTolerance();
    }
    return new PointReport(point, labels, requested, reached, errors, within);
  }
}
