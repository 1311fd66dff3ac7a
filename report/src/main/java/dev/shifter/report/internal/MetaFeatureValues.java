package dev.shifter.report.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.shifter.api.ContinuousMatrix;
import dev.shifter.api.RegisteredMetaFeature;
import dev.shifter.api.ShifterException;
import dev.shifter.api.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Meta-feature values of a table, computed as training computes them: on the matrix of all
 * continuous columns in table order, rows with a missing value left out.
 *
 * @param values {@code values.get(feature).get(entry)}, the entry a column, a pair {@code "a~b"} or
 *     {@code "value"}; a feature that failed has no map
 * @param failures one message per feature that failed
 */
public record MetaFeatureValues(Map<String, Map<String, Double>> values, List<String> failures) {

  /** Copies the maps and list. */
  public MetaFeatureValues {
    values = Map.copyOf(values);
    failures = List.copyOf(failures);
  }

  /**
   * Returns one entry's value.
   *
   * @param feature the meta-feature
   * @param entry the column, pair or {@code "value"}
   * @return the value, or NaN when it could not be computed
   */
  public double get(String feature, String entry) {
    Map<String, Double> entries = values.get(feature);
    Double value = entries == null ? null : entries.get(entry);
    return value == null ? Double.NaN : value;
  }

  /**
   * Computes the features on a table.
   *
   * @param table the table
   * @param features the features
   * @return the values
   */
  public static MetaFeatureValues compute(Table table, List<RegisteredMetaFeature> features) {
    Map<String, Map<String, Double>> values = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    if (table.continuousColumnNames().isEmpty()) {
      return new MetaFeatureValues(values, failures);
    }
    try (NDManager manager = NDManager.newBaseManager();
        ContinuousMatrix matrix = table.toMatrix(manager)) {
      if (matrix.values().getShape().get(0) == 0) {
        return new MetaFeatureValues(values, List.of("no row has a value in every continuous column"));
      }
      for (RegisteredMetaFeature feature : features) {
        try {
          values.put(feature.name(), entries(feature, matrix.values(), matrix.columns(), manager));
        } catch (ShifterException e) {
          failures.add(feature.name() + ": " + e.getMessage());
        }
      }
    }
    return new MetaFeatureValues(values, failures);
  }

  /**
   * Estimates each entry's sampling noise at the table's size: the standard deviation of the entry
   * over bootstrap resamples (rows drawn with replacement, as many as the table's complete rows).
   *
   * @param table the table
   * @param features the features
   * @param resamples the number of resamples, at least 2
   * @param seed the seed of the draws
   * @return the standard deviations, in the shape of {@link #values()}
   */
  public static MetaFeatureValues bootstrapNoise(Table table, List<RegisteredMetaFeature> features, int resamples,
      long seed) {
    Map<String, List<Map<String, Double>>> draws = new HashMap<>();
    List<String> failures = new ArrayList<>();
    if (table.continuousColumnNames().isEmpty()) {
      return new MetaFeatureValues(Map.of(), failures);
    }
    SplittableRandom random = new SplittableRandom(seed);
    try (NDManager manager = NDManager.newBaseManager();
        ContinuousMatrix matrix = table.toMatrix(manager)) {
      int rows = Math.toIntExact(matrix.values().getShape().get(0));
      if (rows < 2) {
        return new MetaFeatureValues(Map.of(), List.of("fewer than two complete rows"));
      }
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
                  .add(entries(feature, sample, matrix.columns(), step));
            } catch (ShifterException e) {
              failures.add(feature.name() + ": " + e.getMessage());
            }
          }
        }
      }
    }
    Map<String, Map<String, Double>> noise = new LinkedHashMap<>();
    draws.forEach((feature, samples) -> noise.put(feature, standardDeviations(samples)));
    return new MetaFeatureValues(noise, failures.stream().distinct().toList());
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
