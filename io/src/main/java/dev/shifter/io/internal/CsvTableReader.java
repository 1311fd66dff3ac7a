package dev.shifter.io.internal;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import dev.shifter.api.ColumnKind;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Remedy;
import dev.shifter.api.Remedy.Setting;
import dev.shifter.api.ShifterWarning;
import dev.shifter.api.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
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
 * trimmed. A file that is not valid UTF-8 is read as Latin-1 (ISO-8859-1), with a warning.
 *
 * <p>A column is continuous when every non-missing field is a decimal number. Numbers beyond float32's
 * range (about 3.4e38 in magnitude; Shifter computes in float32) and words such as {@code NaN} or
 * {@code inf} among numbers are refused with the fix; a column that is mostly numbers but has some
 * other texts is read as categorical with a warning that names the first such text.
 */
public final class CsvTableReader {
  /** FastCSV's messages end with {@code (record starting at line N)}. */
  private static final Pattern RECORD_LINE = Pattern.compile("starting at line (\\d+)");
  private final Path file;
  private final BufferAllocator allocator;
  private final ReadRules rules;
  private Charset charset = StandardCharsets.UTF_8;

  private CsvTableReader(Path file, BufferAllocator allocator, ReadRules rules) {
    this.file = file;
    this.allocator = allocator;
    this.rules = rules;
  }

  /**
   * Reads the file.
   *
   * @param file a CSV file with a header row
   * @param allocator the allocator that will own the table's vectors
   * @param rules forced kinds, missing-value texts and where warnings go
   * @return the table
   * @throws InvalidInputException naming the file, line and column of the first problem
   */
  public static Table read(Path file, BufferAllocator allocator, ReadRules rules) {
    return new CsvTableReader(file, allocator, rules).read();
  }

  private Table read() {
    chooseCharset();
    Layout layout = scan();
    return fill(layout);
  }

  private void chooseCharset() {
    OptionalLong invalid;
    try {
      invalid = Utf8Check.firstInvalidLine(file);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read the file: " + e.getMessage()
          + ". Check that it exists and is readable.", e);
    }
    if (invalid.isPresent()) {
      charset = StandardCharsets.ISO_8859_1;
      rules.warnings().accept(ShifterWarning.of(Locations.line(file, invalid.getAsLong()) + ": the file is not UTF-8 "
          + "(this line has bytes that are not), so it was read as Latin-1 (ISO-8859-1). If its texts look wrong, "
          + "convert the file to UTF-8 first, e.g. iconv -f WINDOWS-1252 -t UTF-8 " + file + " > converted.csv."));
    }
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
          rules.discrete(), rules.continuous());
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
          if (rules.isMissing(field)) {
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
        .ofCsvRecord(file, charset);
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
    if (rules.isMissing(field)) {
      return;
    }
    scan.present++;
    if (NumberText.isDecimal(field)) {
      scan.numbers++;
      double value = NumberText.parse(field);
      if (scan.firstTooLargeLine < 0 && !(Math.abs(value) <= Float.MAX_VALUE)) {
        scan.firstTooLargeLine = line;
        scan.firstTooLarge = field.strip();
      }
      return;
    }
    if (NumberText.isNonFiniteWord(field)) {
      scan.nonFinite++;
      if (scan.firstNonFiniteLine < 0) {
        scan.firstNonFiniteLine = line;
        scan.firstNonFinite = field.strip();
      }
      return;
    }
    if (scan.firstTextLine < 0) {
      scan.firstTextLine = line;
      scan.firstText = field;
    }
  }

  private ColumnKind decide(String name, int column, ColumnScan scan, KindOverrides overrides) {
    if (overrides.forcedDiscrete(name)) {
      return ColumnKind.CATEGORICAL;
    }
    boolean hasText = scan.firstTextLine >= 0;
    if (!hasText && scan.nonFinite > 0) {
      throw new InvalidInputException(Locations.field(file, scan.firstNonFiniteLine, column, name) + ": '"
          + scan.firstNonFinite + "' is not a finite number, and Shifter's continuous columns hold finite numbers "
          + "only. Leave such fields empty for a missing value, or read the word as missing, or read the column as "
          + "categorical.", Remedy.set(Setting.MISSING_TEXT, scan.firstNonFinite),
          Remedy.set(Setting.DISCRETE_COLUMN, name));
    }
    if (hasText && overrides.forcedContinuous(name)) {
      throw new InvalidInputException(Locations.field(file, scan.firstTextLine, column, name) + ": '" + scan.firstText
          + "' is not a number, but the column was declared continuous. Fix the value, leave the field empty "
          + "for a missing value (or read that text as missing), or do not declare the column continuous.",
          Remedy.set(Setting.MISSING_TEXT, scan.firstText.strip()), Remedy.leaveOut(Setting.CONTINUOUS_COLUMN, name));
    }
    if (hasText) {
      if (2L * scan.numbers > scan.present) {
        long others = scan.present - scan.numbers;
        rules.warnings().accept(ShifterWarning.of(file + ", column " + (column + 1) + " ('" + name + "'): read as "
            + "categorical, because " + others + " of its " + scan.present + " fields " + (others == 1 ? "is" : "are")
            + " not a number (the first, '" + scan.firstText.strip() + "', on line " + scan.firstTextLine + "). If "
            + "such texts mean a missing value, read them as missing; to keep the column categorical and silence "
            + "this, declare it categorical.", Remedy.set(Setting.MISSING_TEXT, scan.firstText.strip()),
            Remedy.set(Setting.DISCRETE_COLUMN, name)));
      }
      return ColumnKind.CATEGORICAL;
    }
    if (scan.firstTooLargeLine >= 0) {
      throw new InvalidInputException(Locations.field(file, scan.firstTooLargeLine, column, name) + ": the number '"
          + scan.firstTooLarge + "' is beyond the range of float32 (about -3.4e38 to 3.4e38), in which Shifter "
          + "computes. Rescale the column (divide it by a power of ten), or read it as categorical.",
          Remedy.set(Setting.DISCRETE_COLUMN, name));
    }
    return ColumnKind.CONTINUOUS;
  }

  /** What the first pass learned about one column. */
  private static final class ColumnScan {
    long present;
    long numbers;
    long nonFinite;
    long firstTextLine = -1;
    String firstText = "";
    long firstNonFiniteLine = -1;
    String firstNonFinite = "";
    long firstTooLargeLine = -1;
    String firstTooLarge = "";
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
        throw new InvalidInputException(file + ": cannot read the file: "
            + Objects.requireNonNull(e.getCause()).getMessage()
            + ". Check that it exists and is readable.", e);
      }
    }
  }
}
