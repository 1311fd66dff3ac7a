package dev.shifter.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The meta-feature values of a table, the one computation that the command line, the report, the demo and
 * the benchmarks share. The features see the table's continuous columns that hold at least one value
 * (columns with no value at all are left out and listed in {@link #emptyColumns()}), on the rows that have a
 * value in every one of them (the others are counted in {@link #droppedRows()}). A feature that fails is
 * listed in {@link #failures()}; the others are still computed.
 *
 * @param values per feature name, per entry key ({@code "age"}, {@code "age~income"}, ...), the value; in
 *     the order of the features and of their entries
 * @param failures the features that failed, in order
 * @param columns the continuous columns the features saw
 * @param rows the number of rows the features saw; 0 when no row had a value in every column, and then
 *     nothing was computed
 * @param droppedRows the rows left out for a missing value
 * @param emptyColumns the continuous columns left out because they hold no value
 */
public record MetaFeatureValues(Map<String, Map<String, Double>> values, List<Failure> failures,
    List<String> columns, int rows, int droppedRows, List<String> emptyColumns) {

  /**
   * A feature that could not be computed.
   *
   * @param feature the feature's name
   * @param error why
   */
  public record Failure(String feature, ShifterException error) {

    /**
     * Describes the failure in one line.
     *
     * @return {@code "feature: message"}
     */
    public String describe() {
      return feature + ": " + error.getMessage();
    }
  }

  /** Copies the collections, keeping their order. */
  public MetaFeatureValues {
    Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
    values.forEach((name, entries) -> copy.put(name, Collections.unmodifiableMap(
        new LinkedHashMap<>(entries))));
    values = Collections.unmodifiableMap(copy);
    failures = List.copyOf(failures);
    columns = List.copyOf(columns);
    emptyColumns = List.copyOf(emptyColumns);
  }

  /**
   * Computes every feature of a registry on a table.
   *
   * @param table the table
   * @param registry the features
   * @return the values
   */
  public static MetaFeatureValues of(Table table, MetaFeatureRegistry registry) {
    return of(table, registry.all());
  }

  /**
   * Computes the given features on a table.
   *
   * @param table the table
   * @param features the features, in the order the values keep
   * @return the values
   */
  public static MetaFeatureValues of(Table table, List<RegisteredMetaFeature> features) {
    List<String> empty = new ArrayList<>();
    List<String> used = usableColumns(table, empty);
    Map<String, Map<String, Double>> values = new LinkedHashMap<>();
    List<Failure> failures = new ArrayList<>();
    if (used.isEmpty()) {
      return new MetaFeatureValues(values, failures, used, 0, 0, empty);
    }
    try (NDManager manager = NDManager.newBaseManager();
        ContinuousMatrix matrix = table.toMatrix(manager, used)) {
      int rows = Math.toIntExact(matrix.values().getShape().get(0));
      if (rows > 0) {
        for (RegisteredMetaFeature feature : features) {
          try {
            values.put(feature.name(), entries(feature, matrix.values(), used, manager));
          } catch (ShifterException e) {
            failures.add(new Failure(feature.name(), e));
          }
        }
      }
      return new MetaFeatureValues(values, failures, used, rows, matrix.droppedRows(), empty);
    }
  }

  /**
   * Estimates the sampling noise of each value: the standard deviation (ddof = 1) of the features over
   * bootstrap resamples of the rows, drawn with a seeded generator.
   *
   * @param table the table
   * @param features the features
   * @param resamples the number of resamples, 2 or more for a standard deviation
   * @param seed the seed of the resampling
   * @return per feature and entry the bootstrap standard deviation (no values when fewer than two rows
   *     are complete); a feature that failed on a resample is listed once in the failures
   */
  public static MetaFeatureValues bootstrapSd(Table table, List<RegisteredMetaFeature> features, int resamples,
      long seed) {
    List<String> empty = new ArrayList<>();
    List<String> used = usableColumns(table, empty);
    Map<String, List<Map<String, Double>>> draws = new LinkedHashMap<>();
    Map<String, Failure> failures = new LinkedHashMap<>();
    if (used.isEmpty()) {
      return new MetaFeatureValues(Map.of(), List.of(), used, 0, 0, empty);
    }
    SplittableRandom random = new SplittableRandom(seed);
    try (NDManager manager = NDManager.newBaseManager();
        ContinuousMatrix matrix = table.toMatrix(manager, used)) {
      int rows = Math.toIntExact(matrix.values().getShape().get(0));
      if (rows >= 2) {
        for (int b = 0; b < resamples; b++) {
          int[] picked = new int[rows];
          for (int i = 0; i < rows; i++) {
            picked[i] = random.nextInt(rows);
          }
          try (NDManager step = manager.newSubManager()) {
            NDArray sample = matrix.values().get(step.create(picked));
            sample.attach(step);
            for (RegisteredMetaFeature feature : features) {
              try {
                draws.computeIfAbsent(feature.name(), k -> new ArrayList<>())
                    .add(entries(feature, sample, used, step));
              } catch (ShifterException e) {
                failures.putIfAbsent(feature.name(), new Failure(feature.name(), e));
              }
            }
          }
        }
      }
      Map<String, Map<String, Double>> noise = new LinkedHashMap<>();
      draws.forEach((feature, samples) -> noise.put(feature, standardDeviations(samples)));
      return new MetaFeatureValues(noise, new ArrayList<>(failures.values()), used, rows, matrix.droppedRows(),
          empty);
    }
  }

  /**
   * Returns one value.
   *
   * @param feature the feature's name
   * @param entry the entry's key, e.g. {@code "age"} or {@code "age~income"}
   * @return the value, or NaN when it was not computed
   */
  public double get(String feature, String entry) {
    Map<String, Double> entries = values.get(feature);
    Double value = entries == null ? null : entries.get(entry);
    return value == null ? Double.NaN : value;
  }

  private static List<String> usableColumns(Table table, List<String> empty) {
    List<String> used = new ArrayList<>();
    for (String name : table.continuousColumnNames()) {
      boolean allMissing = table.rowCount() > 0 && table.arrow().getVector(name).getNullCount() == table.rowCount();
      (allMissing ? empty : used).add(name);
    }
    return used;
  }

  private static Map<String, Double> entries(RegisteredMetaFeature feature, NDArray matrix, List<String> columns,
      NDManager owner) {
    try (NDManager scope = owner.newSubManager()) {
      NDArray result = feature.compute(matrix);
      result.attach(scope);
      float[] numbers = result.toFloatArray();
      List<String> labels = feature.feature().arity().labels(columns);
      Map<String, Double> entries = new LinkedHashMap<>();
      for (int i = 0; i < Math.min(labels.size(), numbers.length); i++) {
        entries.put(labels.get(i), (double) numbers[i]);
      }
      return entries;
    }
  }

  private static Map<String, Double> standardDeviations(List<Map<String, Double>> samples) {
    Map<String, Double> sd = new LinkedHashMap<>();
    if (samples.size() < 2) {
      return sd;
    }
    for (String entry : samples.get(0).keySet()) {
      double sum = 0;
      for (Map<String, Double> sample : samples) {
        sum += sample.getOrDefault(entry, Double.NaN);
      }
      double mean = sum / samples.size();
      double squares = 0;
      for (Map<String, Double> sample : samples) {
        double d = sample.getOrDefault(entry, Double.NaN) - mean;
        squares += d * d;
      }
      sd.put(entry, Math.sqrt(squares / (samples.size() - 1)));
    }
    return sd;
  }
}
