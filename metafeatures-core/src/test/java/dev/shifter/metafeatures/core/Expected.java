package dev.shifter.metafeatures.core;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reference values written by {@code src/test/python/expected_values.py}: numpy/scipy in float64, for
 * the matrix as given ({@link #features()}) and for the matrix rounded to float32 first
 * ({@link #featuresOfFloat32Input()}).
 *
 * @param source the data file the values belong to
 * @param rows the number of rows used
 * @param columns the column names
 * @param features feature name to values, for the float64 matrix
 * @param featuresOfFloat32Input feature name to values, for the float32-rounded matrix
 */
record Expected(
    String source,
    int rows,
    List<String> columns,
    Map<String, double[]> features,
    Map<String, double[]> featuresOfFloat32Input) {

  /** Reads {@code <name>.json} from this package's test resources. */
  static Expected load(String name) {
    String text = resource(name + ".json");
    JsonObject root = JsonParser.parseString(text).getAsJsonObject();
    List<String> columns = new ArrayList<>();
    for (JsonElement e : root.getAsJsonArray("columns")) {
      columns.add(e.getAsString());
    }
    return new Expected(root.get("source").getAsString(), root.get("rows").getAsInt(), List.copyOf(columns),
        features(root.getAsJsonObject("features")), features(root.getAsJsonObject("features_of_float32_input")));
  }

  /** Reads {@code <name>.csv} (header plus float64 rows) from this package's test resources. */
  static double[][] matrix(String name) {
    String[] lines = resource(name + ".csv").split("\n");
    List<double[]> rows = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        String[] fields = lines[i].split(",");
        double[] row = new double[fields.length];
        for (int j = 0; j < fields.length; j++) {
          row[j] = Double.parseDouble(fields[j]);
        }
        rows.add(row);
      }
    }
    return rows.toArray(new double[0][]);
  }

  private static Map<String, double[]> features(JsonObject object) {
    Map<String, double[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
      JsonArray values = entry.getValue().getAsJsonArray();
      double[] array = new double[values.size()];
      for (int i = 0; i < array.length; i++) {
        array[i] = values.get(i).getAsDouble();
      }
      out.put(entry.getKey(), array);
    }
    return out;
  }

  private static String resource(String fileName) {
    try (InputStream in = Objects.requireNonNull(Expected.class.getResourceAsStream(fileName),
        () -> "missing test resource " + fileName + "; run src/test/python/expected_values.py")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
