package dev.shifter.shift.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Remedy;
import dev.shifter.api.Remedy.Setting;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes the target JSON shape {@code {"feature": {"key": value or [low, high]}}}. */
public final class TargetJson {
  private static final String EXAMPLE = "{\"skewness\": {\"age\": 1.5}, \"cor\": {\"age~hours-per-week\": 0.4}}";
  private static final String RANGE_EXAMPLE = "{\"mean\": {\"age\": [35, 45]}}";

  private TargetJson() {}

  /**
   * Parses the entries.
   *
   * @param json the text
   * @param source what is parsed, for messages ("Target file t.json")
   * @param allowRanges whether {@code [low, high]} entries are allowed
   * @return the entries in file order
   * @throws InvalidInputException if the text is not of the shape
   */
  public static List<TargetSpec> parse(String json, String source, boolean allowRanges) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(source + " is not valid JSON: " + Json.describe(e) + ".", e);
    }
    String example = allowRanges ? RANGE_EXAMPLE : EXAMPLE;
    if (root == null || !root.isObject()) {
      throw new InvalidInputException(source + " must be a JSON object of meta-features, e.g. " + example + ".");
    }
    List<TargetSpec> entries = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> features = root.fields(); features.hasNext(); ) {
      Map.Entry<String, JsonNode> feature = features.next();
      if (!feature.getValue().isObject()) {
        throw new InvalidInputException(source + ": the value of \"" + feature.getKey() + "\" must be an object of "
            + "entries such as {\"age\": 1.5} (a column, a pair \"a~b\" or \"value\"), e.g. " + example + ".");
      }
      if (feature.getValue().isEmpty()) {
        throw new InvalidInputException(source + ": \"" + feature.getKey() + "\" names no entry. Give at least one, "
            + "e.g. " + example + ", or remove it.");
      }
      for (Iterator<Map.Entry<String, JsonNode>> keys = feature.getValue().fields(); keys.hasNext(); ) {
        Map.Entry<String, JsonNode> key = keys.next();
        entries.add(entry(feature.getKey(), key.getKey(), key.getValue(), source, allowRanges));
      }
    }
    return entries;
  }

  private static TargetSpec entry(String feature, String key, JsonNode value, String source, boolean allowRanges) {
    String label = feature + "[" + key + "]";
    if (value.isNumber()) {
      double number = finite(value.doubleValue(), label, source);
      return new TargetSpec(feature, key, number, number);
    }
    if (value.isArray()) {
      if (!allowRanges) {
        throw new InvalidInputException(source + ": " + label + " is an interval " + value + ". Fixed targets are "
            + "single numbers; to train for a range, read the file as a range (Targets.readRange).",
            Remedy.set(Setting.TARGET_RANGE));
      }
      if (value.size() != 2 || !value.get(0).isNumber() || !value.get(1).isNumber()) {
        throw new InvalidInputException(source + ": " + label + " must be [low, high] (two numbers), got " + value
            + ".");
      }
      double low = finite(value.get(0).doubleValue(), label, source);
      double high = finite(value.get(1).doubleValue(), label, source);
      if (low > high) {
        throw new InvalidInputException(source + ": the range of " + label + " is [" + value.get(0) + ", "
            + value.get(1) + "], low > high. Write it as [" + value.get(1) + ", " + value.get(0) + "].");
      }
      return new TargetSpec(feature, key, low, high);
    }
    throw new InvalidInputException(source + ": " + label + " must be a number" + (allowRanges ? " or [low, high]"
        : "") + ", got " + value + ".");
  }

  private static double finite(double value, String label, String source) {
    if (!Double.isFinite(value)) {
      throw new InvalidInputException(source + ": " + label + " must be a finite number, got " + value + ".");
    }
    return value;
  }

  /**
   * Writes entries in the shape {@link #parse} reads.
   *
   * @param entries the entries
   * @return indented JSON
   */
  public static String write(List<TargetSpec> entries) {
    Map<String, Map<String, Object>> tree = new LinkedHashMap<>();
    for (TargetSpec entry : entries) {
      tree.computeIfAbsent(entry.feature(), f -> new LinkedHashMap<>())
          .put(entry.key(), entry.isFixed() ? (Object) entry.low() : List.of(entry.low(), entry.high()));
    }
    try {
      return Json.mapper().writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Targets always convert to JSON", e);
    }
  }
}
