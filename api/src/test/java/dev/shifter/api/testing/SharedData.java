package dev.shifter.api.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the real data sets in {@code ../shared/data} beside the checkout and reads their numeric
 * columns. Tests that need a file call {@link #require(String)}, which skips the test with a clear
 * message when the file is absent.
 */
public final class SharedData {
  private SharedData() {}

  /**
   * Returns the shared data folder: the {@code shifter.shared.data} system property when set, else
   * the first {@code shared/data} found beside the working directory or one of its parents.
   *
   * @return the folder, which may not exist
   */
  public static Path dir() {
    String configured = System.getProperty("shifter.shared.data");
    if (configured != null && Files.isDirectory(Path.of(configured))) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("data");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return Path.of("..", "shared", "data").toAbsolutePath().normalize();
  }

  /**
   * Returns a shared data file, skipping the calling test when it is absent.
   *
   * @param fileName e.g. {@code "iris.csv"}
   * @return its path
   */
  public static Path require(String fileName) {
    Path file = dir().resolve(fileName);
    assumeTrue(Files.isRegularFile(file),
        "Skipped: " + file + " is absent. Put the shared data sets in ../shared/data beside the checkout "
            + "(or set -Dshifter.shared.data=DIR) to run this test.");
    return file;
  }

  /**
   * Reads the columns of a shared CSV file in which every non-empty field parses as a number. The
   * files are plain (no quotes, see their README); rows with an empty field in a numeric column are
   * dropped, as the meta-feature tools drop them.
   *
   * @param fileName e.g. {@code "california_housing.csv"}
   * @return the numeric columns, skipping the calling test when the file is absent
   */
  public static NumericColumns readNumeric(String fileName) {
    Path file = require(fileName);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String[] header = lines.get(0).split(",", -1);
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isEmpty()) {
        rows.add(line.split(",", -1));
      }
    }
    List<Integer> numeric = new ArrayList<>();
    for (int c = 0; c < header.length; c++) {
      if (allNumeric(rows, c)) {
        numeric.add(c);
      }
    }
    List<double[]> kept = new ArrayList<>();
    for (String[] row : rows) {
      double[] values = new double[numeric.size()];
      boolean complete = true;
      for (int k = 0; k < numeric.size(); k++) {
        String field = row[numeric.get(k)];
        if (field.isEmpty()) {
          complete = false;
          break;
        }
        values[k] = Double.parseDouble(field);
      }
      if (complete) {
        kept.add(values);
      }
    }
    List<String> names = numeric.stream().map(c -> header[c]).toList();
    return new NumericColumns(names, kept.toArray(new double[0][]));
  }

  private static boolean allNumeric(List<String[]> rows, int column) {
    for (String[] row : rows) {
      String field = row[column];
      if (!field.isEmpty() && !field.matches("-?\\d+(\\.\\d+)?")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Numeric columns of a data set, row-major.
   *
   * @param names the column names
   * @param rows the complete rows, each with one value per name
   */
  public record NumericColumns(List<String> names, double[][] rows) {
    /**
     * Returns the values row-major as one flat array, for {@code NDManager.create(double[], Shape)}.
     *
     * @return {@code rows.length * names.size()} values
     */
    public double[] flat() {
      int d = names.size();
      double[] out = new double[rows.length * d];
      for (int i = 0; i < rows.length; i++) {
        System.arraycopy(rows[i], 0, out, i * d, d);
      }
      return out;
    }
  }
}
