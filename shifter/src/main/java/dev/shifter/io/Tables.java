package dev.shifter.io;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.ShifterException;
import dev.shifter.api.Table;
import dev.shifter.io.internal.ArrowTableReader;
import dev.shifter.io.internal.ArrowTableWriter;
import dev.shifter.io.internal.CsvTableReader;
import dev.shifter.io.internal.CsvTableWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Reads and writes tables, choosing the format from the file extension ({@link TableFormat}).
 *
 * <p><b>CSV</b>: a header row is required; quoting follows RFC 4180 (fields may hold commas, doubled
 * quotes and line breaks); blank lines are skipped. A field that is empty or {@code ?} (blanks around
 * it ignored) is a missing value. A column is continuous when every non-missing field is a finite
 * decimal number ({@code 41}, {@code -0.5}, {@code 1e-3}; not {@code NaN} or {@code Infinity}),
 * categorical otherwise; {@link ReadOptions} forces either kind. Integer-coded columns are continuous
 * unless forced discrete. CSV does not store column kinds, and a categorical label that is blank or
 * {@code ?} reads back as missing: use Arrow IPC to keep a table exactly.
 *
 * <p><b>Arrow IPC</b> ({@code .arrow}, {@code .feather}, {@code .ipc}): uncompressed IPC files or
 * streams; numeric columns are continuous, string and boolean columns categorical. Parquet is not
 * supported.
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
    TableFormat format = TableFormat.of(file);
    if (!Files.exists(file)) {
      throw new InvalidInputException(file + ": no such file. Check the path (relative paths start at "
          + Path.of("").toAbsolutePath() + ").");
    }
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(file + ": not a regular file. Give the path of a table file.");
    }
    return switch (format) {
      case CSV -> CsvTableReader.read(file, allocator, options.discrete(), options.continuous());
      case ARROW_IPC -> ArrowTableReader.read(file, allocator, options.discrete(), options.continuous());
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
    switch (TableFormat.of(file)) {
      case CSV -> CsvTableWriter.write(table, file);
      case ARROW_IPC -> ArrowTableWriter.write(table, file);
    }
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
        + "numeric columns continuous (CLI: --continuous NAME).");
  }
}
