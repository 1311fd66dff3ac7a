package dev.shifter.metafeatures.core;

import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import dev.shifter.api.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.jspecify.annotations.Nullable;

/**
 * Reads a shared data set (plain CSV: no quotes) into a table: a column is continuous when every non-empty
 * field is a number, else categorical; an empty field is a missing value. Skips the calling test when the
 * file is absent.
 */
final class SharedTables {
  private SharedTables() {}

  static Table read(String fileName, BufferAllocator allocator) {
    List<String> lines;
    try {
      lines = Files.readAllLines(SharedData.require(fileName), StandardCharsets.UTF_8);
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
    try (TableBuilder builder = new TableBuilder(allocator)) {
      for (int c = 0; c < header.length; c++) {
        if (numeric(rows, c)) {
          double[] values = new double[rows.size()];
          for (int r = 0; r < rows.size(); r++) {
            String field = rows.get(r)[c].strip();
            values[r] = field.isEmpty() ? Double.NaN : Double.parseDouble(field);
          }
          builder.addContinuous(header[c], values);
        } else {
          @Nullable String[] values = new String[rows.size()];
          for (int r = 0; r < rows.size(); r++) {
            String field = rows.get(r)[c].strip();
            values[r] = field.isEmpty() ? null : field;
          }
          builder.addCategorical(header[c], values);
        }
      }
      return builder.build();
    }
  }

  private static boolean numeric(List<String[]> rows, int column) {
    for (String[] row : rows) {
      String field = row[column].strip();
      if (!field.isEmpty()) {
        try {
          Double.parseDouble(field);
        } catch (NumberFormatException e) {
          return false;
        }
      }
    }
    return true;
  }
}
