package dev.shifter.io.internal;

import java.nio.file.Path;

/** Formats where in a file a problem is, the same way in every message. */
final class Locations {
  private Locations() {}

  /** {@code "data.csv, line 7"}. */
  static String line(Path file, long line) {
    return file + ", line " + line;
  }

  /** {@code "data.csv, line 7, column 3 ('age')"}; {@code column} counts from 0. */
  static String field(Path file, long line, int column, String name) {
    return line(file, line) + ", column " + (column + 1) + " ('" + name + "')";
  }

  /** {@code "data.arrow, row 7, column 3 ('age')"}; both indices count from 0. */
  static String cell(Path file, long row, int column, String name) {
    return file + ", row " + (row + 1) + ", column " + (column + 1) + " ('" + name + "')";
  }
}
