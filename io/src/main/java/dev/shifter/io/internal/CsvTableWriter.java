package dev.shifter.io.internal;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import dev.shifter.api.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link Table} as CSV, batch by batch: a header row, then one line per row, {@code \n} line
 * ends, UTF-8. Fields are quoted only when needed (RFC 4180); a missing value is an empty field; numbers
 * are printed by {@link NumberText#format(double)} so that reading the file back gives the same values.
 */
public final class CsvTableWriter implements BatchWriter {
  private final CsvWriter writer;
  private @Nullable List<String> columns;

  /**
   * Opens the file.
   *
   * @param path the file to write, which exists and is empty
   * @throws IOException if it cannot be opened
   */
  public CsvTableWriter(Path path) throws IOException {
    this.writer = CsvWriter.builder()
        .lineDelimiter(LineDelimiter.LF)
        .quoteStrategy(QuoteStrategies.REQUIRED)
        .build(path, StandardCharsets.UTF_8);
  }

  @Override
  public void write(Table batch) throws IOException {
    try {
      if (columns == null) {
        columns = batch.columnNames();
        writer.writeRecord(columns);
      } else if (!columns.equals(batch.columnNames())) {
        throw new IllegalArgumentException("batch columns " + batch.columnNames() + " differ from " + columns);
      }
      List<FieldVector> vectors = batch.arrow().getFieldVectors();
      @Nullable String[] fields = new String[vectors.size()];
      for (int row = 0; row < batch.rowCount(); row++) {
        for (int c = 0; c < fields.length; c++) {
          fields[c] = text(vectors.get(c), row);
        }
        writer.writeRecord(fields);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public void finish() throws IOException {
    writer.close();
  }

  @Override
  public void close() {
    try {
      writer.close();
    } catch (IOException | RuntimeException ignored) {
      // The file is being abandoned; its temporary copy is deleted by the caller.
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
