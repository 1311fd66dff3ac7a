package dev.shifter.metafeatures.extra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The exact pymfe-definition values of one matrix, read from {@code expected-<name>.json} (written by
 * src/test/python/expected_values.py).
 *
 * @param rows the number of rows the values were computed on
 * @param columns the column names
 * @param features the values by feature name
 */
record ExpectedValues(int rows, List<String> columns, JsonNode features) {

  static ExpectedValues load(String name) {
    String resource = "expected-" + name + ".json";
    try (InputStream in = Objects.requireNonNull(ExpectedValues.class.getResourceAsStream(resource), resource)) {
      JsonNode root = new ObjectMapper().readTree(in);
      List<String> columns = new ArrayList<>();
      root.get("columns").forEach(c -> columns.add(c.asText()));
      return new ExpectedValues(root.get("rows").asInt(), List.copyOf(columns), root.get("features"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns a feature's values, with null where the exact definition gives NaN. */
  List<@Nullable Double> values(String feature) {
    JsonNode node = Objects.requireNonNull(features.get(feature), feature);
    List<@Nullable Double> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(v -> out.add(v.isNull() ? null : v.asDouble()));
    } else {
      out.add(node.isNull() ? null : node.asDouble());
    }
    return out;
  }
}
