package dev.shifter.io;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Remedy;
import dev.shifter.api.Remedy.Setting;
import dev.shifter.api.ShifterException;
import dev.shifter.api.ShifterWarning;
import dev.shifter.api.Table;
import dev.shifter.io.internal.ArrowTableReader;
import dev.shifter.io.internal.CsvTableReader;
import dev.shifter.io.internal.ParquetTableReader;
import dev.shifter.io.internal.ReadRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Reads and writes tables, choosing the format from the file extension ({@link TableFormat}).
 *
 * <p><b>CSV</b>: a header row is required; quoting follows RFC 4180 (fields may hold commas, doubled
 * quotes and line breaks); blank lines are skipped; UTF-8 (a file that is not is read as Latin-1, with a
 * warning). A field that is empty (or blank) is a missing value; any other text, {@code ?} included, is
 * a value unless {@link ReadOptions#missing()} names it. A column is continuous when every non-missing
 * field is a decimal number ({@code 41}, {@code -0.5}, {@code 1e-3}) within float32's range,
 * categorical otherwise; {@link ReadOptions} forces either kind. {@code NaN} or {@code inf} among
 * numbers, and numbers beyond float32's range, are refused with the fix; a mostly numeric column with a
 * few other texts is read as categorical with a warning. Integer-coded columns are continuous unless
 * forced discrete. CSV does not store column kinds, and a categorical label that is blank reads back
 * as missing: use Arrow IPC to keep a table exactly.
 *
 * <p><b>Arrow IPC</b> ({@code .arrow}, {@code .feather}, {@code .ipc}): uncompressed IPC files or
 * streams; numeric columns are continuous, string and boolean columns categorical.
 *
 * <p><b>Parquet</b> ({@code .parquet}, {@code .pq}): read and written by Arrow's Dataset library (Arrow C++
 * through JNI, native libraries in its jar, no Hadoop); any compression Arrow C++ reads; the same column
 * rules as Arrow IPC. Parquet keeps column kinds like Arrow IPC does.
 *
 * <p>Writes are atomic: the file is written under a temporary name in the target's directory and then
 * renamed, so a reader never sees half a file and a failed write leaves the old file as it was.
 */
public final class Tables {
  private Tables() {}

  /**
   * Reads a table, inferring the kinds of CSV columns.
   *
   * @param file a {@code .csv}, {@code .arrow}, {@code .feather} or {@code .ipc} file
   * @param allocator the Arrow allocator that will own the table
   * @return the table; the caller closes it
   * @throws InvalidInputException if the file is missing or malformed; the message names the file, and
   *     the line (or row) and column of the problem
   */
  public static Table read(Path file, BufferAllocator allocator) {
    return read(file, allocator, ReadOptions.defaults());
  }

  /**
   * Reads a table with forced column kinds.
   *
   * @param file a {@code .csv}, {@code .arrow}, {@code .feather} or {@code .ipc} file
   * @param allocator the Arrow allocator that will own the table
   * @param options columns to force categorical or continuous
   * @return the table; the caller closes it
   * @throws InvalidInputException if the file is missing or malformed, or an option names an unknown
   *     column; the message names the file, and the line (or row) and column of the problem
   */
  public static Table read(Path file, BufferAllocator allocator, ReadOptions options) {
    return read(file, allocator, options, warning -> { });
  }

  /**
   * Reads a table with forced column kinds and missing-value texts, handing warnings to the caller.
   *
   * @param file a {@code .csv}, {@code .arrow}, {@code .feather} or {@code .ipc} file
   * @param allocator the Arrow allocator that will own the table
   * @param options columns to force categorical or continuous, texts that stand for a missing value
   * @param warnings receives a warning for each thing done that the user should know of: a CSV file
   *     that is not UTF-8 read as Latin-1, a mostly numeric column read as categorical
   * @return the table; the caller closes it
   * @throws InvalidInputException if the file is missing or malformed, or an option names an unknown
   *     column; the message names the file, and the line (or row) and column of the problem
   */
  public static Table read(Path file, BufferAllocator allocator, ReadOptions options,
      Consumer<ShifterWarning> warnings) {
    TableFormat format = TableFormat.of(file);
    if (!Files.exists(file)) {
      throw new InvalidInputException(file + ": no such file. Check the path (relative paths start at "
          + Path.of("").toAbsolutePath() + ").");
    }
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(file + ": not a regular file. Give the path of a table file.");
    }
    ReadRules rules = new ReadRules(options.discrete(), options.continuous(), options.missing(), warnings);
    return switch (format) {
      case CSV -> CsvTableReader.read(file, allocator, rules);
      case ARROW_IPC -> ArrowTableReader.read(file, allocator, rules);
      case PARQUET -> ParquetTableReader.read(file, allocator, rules);
    };
  }

  /**
   * Writes a table atomically in the format of the file's extension.
   *
   * @param table the table; it stays open
   * @param file the file to create or replace; its directory must exist
   * @throws InvalidInputException if the extension is unknown or the directory is missing or not
   *     writable
   * @throws ShifterException if writing fails otherwise; the previous file, if any, is unchanged
   */
  public static void write(Table table, Path file) {
    try (TableWriter writer = openWriter(file)) {
      writer.write(table);
      writer.commit();
    }
  }

  /**
   * Opens a writer that writes a table file batch by batch, atomically, in the format of the file's
   * extension; memory stays the same for any number of rows.
   *
   * @param file the file to create or replace; its directory must exist
   * @return the writer; write batches, commit, close
   * @throws InvalidInputException if the extension is unknown or the directory is missing or not
   *     writable
   */
  public static TableWriter openWriter(Path file) {
    return TableWriter.open(file);
  }

  /**
   * Checks that a table read from {@code file} has rows, as meta-features, training and evaluation
   * need.
   *
   * @param table the table
   * @param file the file it was read from, for the message
   * @throws InvalidInputException if it has none, saying whether the file has a header
   */
  public static void requireRows(Table table, Path file) {
    if (table.rowCount() > 0) {
      return;
    }
    throw new InvalidInputException(file + (table.columns().isEmpty() ? " holds no columns and no rows"
        : TableFormat.of(file) == TableFormat.CSV ? " has a header but no data rows" : " has columns but no rows")
        + ". Give a table with at least one row of data.");
  }

  /**
   * Checks that a table read from {@code file} has at least one continuous column, as meta-features
   * and training need.
   *
   * @param table the table
   * @param file the file it was read from, for the message
   * @throws InvalidInputException if every column is categorical; the message lists them
   */
  public static void requireContinuousColumns(Table table, Path file) {
    if (!table.continuousColumnNames().isEmpty()) {
      return;
    }
    String where = TableFormat.of(file) == TableFormat.CSV ? file + ", line 1 (header)" : file + " (schema)";
    throw new InvalidInputException(where + ": no continuous column. "
        + (table.columns().isEmpty() ? "The file has no columns. "
            : "Every column is categorical (" + String.join(", ", table.columnNames()) + "). ")
        + "Meta-features are computed on numeric columns: check that the numbers are plain decimals, or declare "
        + "numeric columns continuous.", Remedy.set(Setting.CONTINUOUS_COLUMN));
  }
}
