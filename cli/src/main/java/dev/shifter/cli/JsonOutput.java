package dev.shifter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shifter.api.RegisteredMetaFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Prints results as JSON: {@code {"<feature>": {"<column or a~b or value>": v, ...}, ...}}, features
 * in the order computed, entries in column order. A value that is not finite is printed as
 * {@code null}.
 */
final class JsonOutput {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

  private JsonOutput() {}

  /** Prints computed meta-features. */
  static void printValues(List<FeatureValues> results, PrintWriter out) {
    ObjectNode root = MAPPER.createObjectNode();
    for (FeatureValues result : results) {
      ObjectNode entries = root.putObject(result.name());
      for (int i = 0; i < result.values().length; i++) {
        float value = result.values()[i];
        if (Float.isFinite(value)) {
          entries.put(result.labels().get(i), value);
        } else {
          entries.putNull(result.labels().get(i));
        }
      }
    }
    print(root, out);
  }

  /** Prints the installed meta-features as an array of objects. */
  static void printListing(List<RegisteredMetaFeature> features, PrintWriter out) {
    ArrayNode root = MAPPER.createArrayNode();
    for (RegisteredMetaFeature feature : features) {
      root.addObject()
          .put("name", feature.name())
          .put("arity", FeatureListing.arityText(feature.feature().arity()))
          .put("provider", feature.providerId())
          .put("jar", FeatureListing.jarName(feature.origin()))
          .put("description", FeatureListing.description(feature));
    }
    print(root, out);
  }

  private static void print(Object tree, PrintWriter out) {
    try {
      out.println(WRITER.writeValueAsString(tree));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }
}
