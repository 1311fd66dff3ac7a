package dev.shifter.metafeatures.extra;

import dev.shifter.api.testing.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A test matrix, row-major, with its column names.
 *
 * @param names the column names
 * @param rows the number of rows
 * @param values the values, row-major
 */
record Matrix(List<String> names, int rows, double[] values) {

  int columns() {
    return names.size();
  }

  /** Reads {@code generated-<name>.csv}, written by src/test/python/expected_values.py. */
  static Matrix generated(String name) {
    String resource = "generated-" + name + ".csv";
    try (InputStream in = Objects.requireNonNull(Matrix.class.getResourceAsStream(resource), resource);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> names = List.of(reader.readLine().split(","));
      List<Double> values = new ArrayList<>();
      int rows = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isEmpty()) {
          Arrays.stream(line.split(",")).map(Double::parseDouble).forEach(values::add);
          rows++;
        }
      }
      return new Matrix(names, rows, values.stream().mapToDouble(Double::doubleValue).toArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the numeric columns of a shared data file, skipping the calling test when it is absent. */
  static Matrix shared(String fileName) {
    SharedData.NumericColumns columns = SharedData.readNumeric(fileName);
    return new Matrix(columns.names(), columns.rows().length, columns.flat());
  }

  /** Returns the matrix of {@code rows} rows given row by row. */
  static Matrix of(double[]... rows) {
    int d = rows[0].length;
    List<String> names = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      names.add("c" + j);
    }
    double[] values = new double[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, values, i * d, d);
    }
    return new Matrix(List.copyOf(names), rows.length, values);
  }

  /** Returns one column. */
  double[] column(int j) {
    double[] out = new double[rows];
    for (int i = 0; i < rows; i++) {
      out[i] = values[i * columns() + j];
    }
    return out;
  }
}
