package dev.shifter.cli;

import dev.shifter.api.ColumnKind;
import dev.shifter.api.ColumnSpec;
import dev.shifter.api.Table;
import dev.shifter.io.ReadOptions;
import dev.shifter.io.Tables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Reads the tables of a command: warnings go to the user, a table without rows is refused, and tables
 * compared with a reference table keep each shared column's kind.
 */
final class TableReading {
  private TableReading() {}

  /**
   * Reads a file that must have rows, printing the reader's warnings.
   *
   * @param file the file to read
   * @param allocator the allocator that will own the table
   * @param options forced kinds and missing-value texts
   * @param diagnostics where warnings go
   * @return the table; close it
   * @throws dev.shifter.api.InvalidInputException if the file cannot be read or has no rows
   */
  static Table read(Path file, BufferAllocator allocator, ReadOptions options, Diagnostics diagnostics) {
    Table table = Tables.read(file, allocator, options, diagnostics::warning);
    try {
      Tables.requireRows(table, file);
      return table;
    } catch (RuntimeException e) {
      table.close();
      throw e;
    }
  }

  /**
   * Reads a file with the kinds of the reference table's columns. The file is read once with inferred
   * kinds; only when a shared column came out of another kind is it read again with the kinds forced.
   *
   * @param file the file to read
   * @param allocator the allocator that will own the table
   * @param reference the table whose column kinds win, e.g. the real table
   * @param options the reference's options, for the missing-value texts
   * @param diagnostics where warnings go
   * @return the table; close it
   */
  static Table readLike(Path file, BufferAllocator allocator, Table reference, ReadOptions options,
      Diagnostics diagnostics) {
    ReadOptions missingOnly = ReadOptions.builder().optMissing(options.missing()).build();
    Table table = read(file, allocator, missingOnly, diagnostics);
    List<String> discrete = new ArrayList<>();
    List<String> continuous = new ArrayList<>();
    boolean differs = false;
    for (ColumnSpec column : table.columns()) {
      for (ColumnSpec expected : reference.columns()) {
        if (expected.name().equals(column.name())) {
          differs |= expected.kind() != column.kind();
          (expected.kind() == ColumnKind.CONTINUOUS ? continuous : discrete).add(column.name());
        }
      }
    }
    if (!differs) {
      return table;
    }
    table.close();
    return read(file, allocator, ReadOptions.builder().optDiscrete(discrete).optContinuous(continuous)
        .optMissing(options.missing()).build(), diagnostics);
  }
}
