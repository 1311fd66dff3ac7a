package dev.shifter.io.internal;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import dev.shifter.api.ColumnKind;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.jspecify.annotations.Nullable;

/**
 * Reads a CSV file with a header row into a {@link Table}, in two passes over the file: the first
 * checks the structure and infers each column's kind, the second fills the Arrow vectors. Quoting
 * follows RFC 4180; blank lines are skipped; a UTF-8 byte order mark is ignored; header names are
 * trimmed.
 */
public final class CsvTableReader {
  /** FastCSV's messages end with {@code (record starting at line N)}. */
  private static final Pattern RECORD_LINE = Pattern.compile("starting at line (\\d+)");
  private final Path file;
  private final BufferAllocator allocator;
  private final Set<String> discrete;
  private final Set<String> continuous;

  private CsvTableReader(Path file, BufferAllocator allocator, Set<String> discrete, Set<String> continuous) {
    this.file = file;
    this.allocator = allocator;
    this.discrete = discrete;
    this.continuous = continuous;
  }

  /**
   * Reads the file.
   *
   * @param file a CSV file with a header row
   * @param allocator the allocator that will own the table's vectors
   * @param discrete names of columns to read as categorical
   * @param continuous names of columns to read as continuous
   * @return the table
   * @throws InvalidInputException naming the file, line and column of the first problem
   */
  public static Table read(Path file, BufferAllocator allocator, Set<String> discrete, Set<String> continuous) {
    return new CsvTableReader(file, allocator, discrete, continuous).read();
  }

  private Table read() {
    Layout layout = scan();
    return fill(layout);
  }

  /** The result of the first pass. */
  private record Layout(List<String> names, List<ColumnKind> kinds, int rows) {}

  private Layout scan() {
    try (CsvReader<CsvRecord> reader = open()) {
      Iterator<CsvRecord> records = reader.iterator();
      RecordCursor cursor = new RecordCursor(records);
      CsvRecord header = cursor.next();
      if (header == null) {
        throw new InvalidInputException(Locations.line(file, 1) + ": the file is empty. A CSV table needs a header "
            + "row with the column names, then one row per record.");
      }
      List<String> names = checkHeader(header);
      KindOverrides overrides = KindOverrides.check(Locations.line(file, header.getStartingLineNumber()), names,
          discrete, continuous);
      ColumnScan[] scans = new ColumnScan[names.size()];
      for (int c = 0; c < scans.length; c++) {
        scans[c] = new ColumnScan();
      }
      int rows = 0;
      for (CsvRecord record = cursor.next(); record != null; record = cursor.next()) {
        checkWidth(record, names);
        long line = record.getStartingLineNumber();
        for (int c = 0; c < scans.length; c++) {
          scanField(record.getField(c), line, c, names.get(c), scans[c]);
        }
        rows = Math.addExact(rows, 1);
      }
      List<ColumnKind> kinds = new ArrayList<>(names.size());
      for (int c = 0; c < scans.length; c++) {
        kinds.add(decide(names.get(c), c, scans[c], overrides));
      }
      return new Layout(names, kinds, rows);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read the file: " + e.getMessage()
          + ". Check that it exists and is readable.", e);
    }
  }

  private Table fill(Layout layout) {
    List<FieldVector> vectors = new ArrayList<>(layout.names().size());
    boolean done = false;
    try {
      for (int c = 0; c < layout.names().size(); c++) {
        String name = layout.names().get(c);
        if (layout.kinds().get(c) == ColumnKind.CONTINUOUS) {
          Float8Vector vector = new Float8Vector(name, allocator);
          vectors.add(vector);
          vector.allocateNew(layout.rows());
        } else {
          VarCharVector vector = new VarCharVector(name, allocator);
          vectors.add(vector);
          vector.allocateNew(layout.rows());
        }
      }
      int row = fillRows(vectors, layout);
      if (row != layout.rows()) {
        throw changedWhileReading();
      }
      for (FieldVector vector : vectors) {
        vector.setValueCount(row);
      }
      VectorSchemaRoot root = new VectorSchemaRoot(vectors);
      root.setRowCount(row);
      Table table = Table.wrap(root);
      done = true;
      return table;
    } finally {
      if (!done) {
        vectors.forEach(FieldVector::close);
      }
    }
  }

  private int fillRows(List<FieldVector> vectors, Layout layout) {
    int row = 0;
    try (CsvReader<CsvRecord> reader = open()) {
      RecordCursor cursor = new RecordCursor(reader.iterator());
      cursor.next();
      for (CsvRecord record = cursor.next(); record != null; record = cursor.next()) {
        if (row >= layout.rows() || record.getFieldCount() != vectors.size()) {
          throw changedWhileReading();
        }
        for (int c = 0; c < vectors.size(); c++) {
          String field = record.getField(c);
          FieldVector vector = vectors.get(c);
          if (NumberText.isMissing(field)) {
            vector.setNull(row);
          } else if (vector instanceof Float8Vector numbers) {
            numbers.set(row, NumberText.parse(field));
          } else {
            ((VarCharVector) vector).setSafe(row, field.getBytes(StandardCharsets.UTF_8));
          }
        }
        row++;
      }
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read the file: " + e.getMessage()
          + ". Check that it exists and is readable.", e);
    }
    return row;
  }

  private InvalidInputException changedWhileReading() {
    return new InvalidInputException(file + ": the file changed while it was being read. Wait until whatever "
        + "writes it has finished, then try again.");
  }

  private CsvReader<CsvRecord> open() throws IOException {
    return CsvReader.builder()
        .detectBomHeader(true)
        .skipEmptyLines(true)
        .allowUnclosedQuote(false)
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        .ofCsvRecord(file, StandardCharsets.UTF_8);
  }

  private List<String> checkHeader(CsvRecord header) {
    long line = header.getStartingLineNumber();
    List<String> names = new ArrayList<>(header.getFieldCount());
    Map<String, Integer> seen = new HashMap<>();
    boolean allNumbers = true;
    for (int c = 0; c < header.getFieldCount(); c++) {
      String name = header.getField(c).strip();
      if (name.isEmpty()) {
        throw new InvalidInputException(Locations.line(file, line) + ", column " + (c + 1)
            + ": the header has an empty column name. Give every column a name in the first row.");
      }
      Integer earlier = seen.putIfAbsent(name, c);
      if (earlier != null) {
        throw new InvalidInputException(Locations.field(file, line, c, name) + ": the column name '" + name
            + "' appears twice (columns " + (earlier + 1) + " and " + (c + 1) + "). Rename one of them.");
      }
      allNumbers &= NumberText.isDecimal(name);
      names.add(name);
    }
    if (allNumbers) {
      throw new InvalidInputException(Locations.line(file, line) + ", column 1: the first row holds only numbers ("
          + String.join(",", names) + "), so the file seems to have no header. Add a first row with the column "
          + "names.");
    }
    return names;
  }

  private void checkWidth(CsvRecord record, List<String> names) {
    int fields = record.getFieldCount();
    if (fields == names.size()) {
      return;
    }
    long line = record.getStartingLineNumber();
    if (fields < names.size()) {
      throw new InvalidInputException(Locations.field(file, line, fields, names.get(fields)) + ": the row has only "
          + fields + " field" + (fields == 1 ? "" : "s") + " but the header has " + names.size()
          + " columns. Every row needs one field per column (leave a field empty for a missing value).");
    }
    throw new InvalidInputException(Locations.line(file, line) + ", column " + (names.size() + 1) + ": the row has "
        + fields + " fields but the header has only " + names.size() + " columns. Remove the extra fields, or "
        + "quote fields that contain a comma (\"a,b\").");
  }

  private void scanField(String field, long line, int column, String name, ColumnScan scan) {
    if (NumberText.isMissing(field)) {
      return;
    }
    if (NumberText.isDecimal(field)) {
      if (Double.isInfinite(NumberText.parse(field))) {
        throw new InvalidInputException(Locations.field(file, line, column, name) + ": the number '" + field.strip()
            + "' is too large for a double. Rescale the column or mark it discrete.");
      }
      return;
    }
    if (scan.firstTextLine < 0) {
      scan.firstTextLine = line;
      scan.firstText = field;
    }
  }

  private ColumnKind decide(String name, int column, ColumnScan scan, KindOverrides overrides) {
    ColumnKind inferred = scan.firstTextLine < 0 ? ColumnKind.CONTINUOUS : ColumnKind.CATEGORICAL;
    if (overrides.forcedContinuous(name) && inferred == ColumnKind.CATEGORICAL) {
      throw new InvalidInputException(Locations.field(file, scan.firstTextLine, column, name) + ": '" + scan.firstText
          + "' is not a number, but the column was declared continuous. Fix the value, leave the field empty "
          + "(or write ?) for a missing value, or do not declare the column continuous.");
    }
    return overrides.kindOf(name, inferred);
  }

  /** What the first pass learned about one column. */
  private static final class ColumnScan {
    long firstTextLine = -1;
    String firstText = "";
  }

  /** Iterates records, turning parser failures into messages that name the file and line. */
  private final class RecordCursor {
    private final Iterator<CsvRecord> records;
    private long lastLine = 0;

    RecordCursor(Iterator<CsvRecord> records) {
      this.records = records;
    }

    /** Returns the next record, or null at the end of the file. */
    @Nullable CsvRecord next() {
      try {
        if (!records.hasNext()) {
          return null;
        }
        CsvRecord record = records.next();
        lastLine = record.getStartingLineNumber();
        return record;
      } catch (CsvParseException e) {
        Matcher line = RECORD_LINE.matcher(String.valueOf(e.getMessage()));
        long at = line.find() ? Long.parseLong(line.group(1)) : lastLine + 1;
        throw new InvalidInputException(Locations.line(file, at) + ": the file is not valid CSV: " + e.getMessage()
            + ". Check the quoting: a quoted field must end with a quote followed by a comma or a line end, and "
            + "quotes inside it must be doubled (\"\").", e);
      } catch (UncheckedIOException e) {
        throw new InvalidInputException(file + ": cannot read the file: " + e.getCause().getMessage()
            + ". Check that it exists and is readable.", e);
      }
    }
  }
}
