package dev.shifter.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.ContinuousMatrix;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.RegisteredMetaFeature;
import dev.shifter.api.Table;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Meta-features of a table's continuous columns, computed with the registry's features, and their
 * bootstrap standard deviations (the sd over resamples of the rows with replacement, same row count).
 *
 * @param values each entry's value by label ({@code mean[age]}, {@code cor[age~fnlwgt]}), in output order
 * @param bootstrapSds each entry's bootstrap sd (ddof = 1) by label
 * @param resamples the number of bootstrap resamples
 */
record RealMetaFeatures(Map<String, Double> values, Map<String, Double> bootstrapSds, int resamples) {

  /** Copies the maps, keeping their order. */
  RealMetaFeatures {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    bootstrapSds = Collections.unmodifiableMap(new LinkedHashMap<>(bootstrapSds));
  }

  /**
   * Measures the table's meta-features and their bootstrap sds.
   *
   * @param table the table (its continuous columns are used, rows with a missing value dropped)
   * @param features the meta-features to compute
   * @param resamples the number of bootstrap resamples, at least 2
   * @param seed the seed of the resampling
   * @return the values and their sds
   */
  static RealMetaFeatures measure(Table table, List<RegisteredMetaFeature> features, int resamples, long seed) {
    List<String> columns = table.continuousColumnNames();
    try (NDManager manager = NDManager.newBaseManager();
        ContinuousMatrix matrix = table.toMatrix(manager, columns)) {
      Map<String, Double> values = compute(matrix.values(), features, columns);
      int n = Math.toIntExact(matrix.values().getShape().get(0));
      int d = columns.size();
      float[] data = matrix.values().toFloatArray();
      float[] sample = new float[data.length];
      double[] sum = new double[values.size()];
      double[] squares = new double[values.size()];
      SplittableRandom random = new SplittableRandom(seed);
      for (int b = 0; b < resamples; b++) {
        for (int i = 0; i < n; i++) {
          System.arraycopy(data, random.nextInt(n) * d, sample, i * d, d);
        }
        try (NDManager step = manager.newSubManager()) {
          NDArray x = step.create(sample, new Shape(n, d));
          int k = 0;
          for (double v : compute(x, features, columns).values()) {
            sum[k] += v;
            squares[k] += v * v;
            k++;
          }
        }
      }
      Map<String, Double> sds = new LinkedHashMap<>();
      int k = 0;
      for (String label : values.keySet()) {
        double mean = sum[k] / resamples;
        double variance = Math.max(0, (squares[k] - resamples * mean * mean) / (resamples - 1));
        sds.put(label, Math.sqrt(variance));
        k++;
      }
      return new RealMetaFeatures(values, sds, resamples);
    }
  }

  /**
   * Computes the features on a matrix.
   *
   * @param x an {@code n x d} float32 matrix of the named columns
   * @param features the meta-features
   * @param columns the matrix's column names
   * @return each entry's value by label, in output order
   */
  static Map<String, Double> compute(NDArray x, List<RegisteredMetaFeature> features, List<String> columns) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (RegisteredMetaFeature feature : features) {
      float[] out = feature.compute(x).toFloatArray();
      List<String> keys = feature.feature().arity().labels(columns);
      for (int i = 0; i < out.length; i++) {
        values.put(feature.name() + "[" + keys.get(i) + "]", (double) out[i]);
      }
    }
    return values;
  }

  /**
   * Returns the value of an entry.
   *
   * @param label e.g. {@code mean[age]}
   * @return its value
   * @throws IllegalArgumentException if the entry was not measured
   */
  double value(String label) {
    Double v = values.get(label);
    if (v == null) {
      throw new IllegalArgumentException("No real value for " + label + "; measured: " + values.keySet());
    }
    return v;
  }

  /**
   * Returns the bootstrap sd of an entry.
   *
   * @param label e.g. {@code mean[age]}
   * @return its sd
   */
  double sd(String label) {
    value(label);
    return bootstrapSds.get(label);
  }
}
