package dev.shifter.io.internal;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import dev.shifter.api.Table;
import dev.shifter.commons.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link Table} as CSV: a header row, then one line per row, {@code \n} line ends, UTF-8.
 * Fields are quoted only when needed (RFC 4180); a missing value is an empty field; numbers are printed
 * by {@link NumberText#format(double)} so that reading the file back gives the same values.
 */
public final class CsvTableWriter {
  private CsvTableWriter() {}

  /**
   * Writes the table atomically.
   *
   * @param table the table
   * @param target the CSV file to create or replace
   */
  public static void write(Table table, Path target) {
    AtomicFiles.write(target, path -> writeTo(table, path));
  }

  private static void writeTo(Table table, Path path) throws IOException {
    List<FieldVector> vectors = table.arrow().getFieldVectors();
    int columns = vectors.size();
    try (CsvWriter writer = CsvWriter.builder()
        .lineDelimiter(LineDelimiter.LF)
        .quoteStrategy(QuoteStrategies.REQUIRED)
        .build(path, StandardCharsets.UTF_8)) {
      writer.writeRecord(table.columnNames());
      @Nullable String[] fields = new String[columns];
      for (int row = 0; row < table.rowCount(); row++) {
        for (int c = 0; c < columns; c++) {
          fields[c] = text(vectors.get(c), row);
        }
        writer.writeRecord(fields);
      }
    }
  }

  private static @Nullable String text(FieldVector vector, int row) {
    if (vector.isNull(row)) {
      return null;
    }
    if (vector instanceof Float8Vector numbers) {
      return NumberText.format(numbers.get(row));
    }
    return new String(((VarCharVector) vector).get(row), StandardCharsets.UTF_8);
  }
}
