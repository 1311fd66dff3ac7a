package dev.shifter.bench;

import dev.shifter.api.MetaFeatureValues;
import dev.shifter.api.RegisteredMetaFeature;
import dev.shifter.api.Table;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
   * Measures the features on a table and their bootstrap standard deviations ({@link MetaFeatureValues}).
   *
   * @param table the real table
   * @param features the features
   * @param resamples the bootstrap resamples
   * @param seed the resampling seed
   * @return the values and standard deviations by entry label
   */
  static RealMetaFeatures measure(Table table, List<RegisteredMetaFeature> features, int resamples, long seed) {
    return new RealMetaFeatures(labelled(MetaFeatureValues.of(table, features)),
        labelled(MetaFeatureValues.bootstrapSd(table, features, resamples, seed)), resamples);
  }

  /**
   * Returns the values by entry label, {@code feature[key]}, in the order of the features and entries.
   *
   * @param values the computed values
   * @return the values by label
   */
  static Map<String, Double> labelled(MetaFeatureValues values) {
    Map<String, Double> labelled = new LinkedHashMap<>();
    values.values().forEach((feature, entries) -> entries.forEach((key, value) ->
        labelled.put(feature + "[" + key + "]", value)));
    return labelled;
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
    return bootstrapSds.getOrDefault(label, Double.NaN);
  }
}
