package dev.shifter.cli;

import dev.shifter.api.Arity;
import java.util.List;

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
}
