package dev.shifter.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.shifter.api.ContinuousMatrix;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.RegisteredMetaFeature;
import dev.shifter.api.ShifterException;
import dev.shifter.api.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes meta-features on a table's continuous columns with one {@link NDManager}. Columns that are
 * empty in every row are left out (and named); rows with a missing value in any other continuous
 * column are left out. A feature that fails is recorded and the others are still computed.
 */
final class MetaFeatureComputation {
  private MetaFeatureComputation() {}

  /**
   * A feature that could not be computed.
   *
   * @param feature its name
   * @param error why
   */
  record Failure(String feature, ShifterException error) {}

  /**
   * What came out.
   *
   * @param values the features computed, in the order asked
   * @param failures the features that failed, in the order asked
   * @param rows the number of rows used
   * @param droppedRows the number of rows left out for a missing value
   * @param emptyColumns the continuous columns left out because they are empty in every row
   */
  record Outcome(List<FeatureValues> values, List<Failure> failures, int rows, int droppedRows,
      List<String> emptyColumns) {
    Outcome {
      values = List.copyOf(values);
      failures = List.copyOf(failures);
      emptyColumns = List.copyOf(emptyColumns);
    }
  }

  /**
   * Computes the features.
   *
   * @param table the table; it needs a continuous column
   * @param features the features, in output order
   * @param source the file the table came from, for messages
   * @return the values and failures
   * @throws InvalidInputException if no row is complete
   */
  static Outcome compute(Table table, List<RegisteredMetaFeature> features, Path source) {
    List<String> empty = new ArrayList<>();
    List<String> used = new ArrayList<>();
    for (String name : table.continuousColumnNames()) {
      boolean allMissing = table.rowCount() > 0
          && table.arrow().getVector(name).getNullCount() == table.rowCount();
      (allMissing ? empty : used).add(name);
    }
    if (used.isEmpty()) {
      throw new InvalidInputException(EmptyColumns.describe(empty, table.rowCount(), source) + " the only continuous "
          + "column" + (empty.size() == 1 ? "" : "s") + ", so there is nothing to compute on. Give a table with "
          + "values in its numeric columns.");
    }
    try (NDManager manager = NDManager.newBaseManager();
        ContinuousMatrix matrix = table.toMatrix(manager, used)) {
      int rows = Math.toIntExact(matrix.values().getShape().get(0));
      if (rows == 0) {
        throw new InvalidInputException(source + ": no row has a value in every continuous column ("
            + table.rowCount() + " rows, " + matrix.droppedRows() + " with a missing value), so there is "
            + "nothing to compute on. Fill in the missing values, or mark mostly empty columns --discrete.");
      }
      List<FeatureValues> values = new ArrayList<>();
      List<Failure> failures = new ArrayList<>();
      for (RegisteredMetaFeature feature : features) {
        try (NDManager step = manager.newSubManager()) {
          NDArray result = feature.compute(matrix.values());
          result.attach(step);
          values.add(new FeatureValues(feature.name(), feature.feature().arity(),
              feature.feature().arity().labels(matrix.columns()), result.toFloatArray()));
        } catch (ShifterException e) {
          failures.add(new Failure(feature.name(), e));
        }
      }
      return new Outcome(values, failures, rows, matrix.droppedRows(), empty);
    }
  }
}
