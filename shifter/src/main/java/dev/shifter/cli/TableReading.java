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

/** Reads the tables a command compares with a reference table, so each shared column keeps its kind. */
final class TableReading {
  private TableReading() {}

  /**
   * Reads a file with the kinds of the reference table's columns. The file is read once with inferred
   * kinds; only when a shared column came out of another kind is it read again with the kinds forced.
   *
   * @param file the file to read
   * @param allocator the allocator that will own the table
   * @param reference the table whose column kinds win, e.g. the real table
   * @return the table; close it
   */
  static Table readLike(Path file, BufferAllocator allocator, Table reference) {
    Table table = Tables.read(file, allocator);
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
    return Tables.read(file, allocator, ReadOptions.builder().optDiscrete(discrete).optContinuous(continuous).build());
  }
}
