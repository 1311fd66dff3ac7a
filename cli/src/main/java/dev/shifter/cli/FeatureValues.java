package dev.shifter.cli;

import dev.shifter.api.Arity;
import dev.shifter.api.MetaFeatureValues;
import dev.shifter.api.RegisteredMetaFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One computed meta-feature, ready to print.
 *
 * @param name the feature's name
 * @param arity its arity
 * @param labels one label per value: column names, {@code "a~b"} pairs or {@code "value"}
 * @param values the values, in label order
 */
record FeatureValues(String name, Arity arity, List<String> labels, float[] values) {
  FeatureValues {
    labels = List.copyOf(labels);
    values = values.clone();
    if (labels.size() != values.length) {
      throw new IllegalArgumentException(labels.size() + " labels for " + values.length + " values of " + name);
    }
  }

  /** Returns the computed features of {@code values} in the order of {@code features}, for printing. */
  static List<FeatureValues> of(MetaFeatureValues values, List<RegisteredMetaFeature> features) {
    List<FeatureValues> printed = new ArrayList<>();
    for (RegisteredMetaFeature feature : features) {
      Map<String, Double> entries = values.values().get(feature.name());
      if (entries == null) {
        continue;
      }
      float[] numbers = new float[entries.size()];
      int i = 0;
      for (double value : entries.values()) {
        numbers[i++] = (float) value;
      }
      printed.add(new FeatureValues(feature.name(), feature.feature().arity(), List.copyOf(entries.keySet()), numbers));
    }
    return printed;
  }
}
