package dev.shifter.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Prints rows of text as columns aligned with spaces, two spaces apart, with a header row. */
final class TextTable {
  private static final String GAP = "  ";
  private final List<String> header;
  private final Set<Integer> rightAligned;
  private final List<List<String>> rows = new ArrayList<>();

  /**
   * Starts a table.
   *
   * @param header the column titles
   * @param rightAligned the indices of columns to align right (numbers)
   */
  TextTable(List<String> header, Set<Integer> rightAligned) {
    this.header = List.copyOf(header);
    this.rightAligned = Set.copyOf(rightAligned);
  }

  /** Adds a row with one cell per header column. */
  TextTable add(List<String> row) {
    if (row.size() != header.size()) {
      throw new IllegalArgumentException("row " + row + " does not match header " + header);
    }
    rows.add(List.copyOf(row));
    return this;
  }

  /** Prints the header and the rows. */
  void print(PrintWriter out) {
    int[] widths = new int[header.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = header.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    printRow(header, widths, out);
    for (List<String> row : rows) {
      printRow(row, widths, out);
    }
    out.flush();
  }

  private void printRow(List<String> row, int[] widths, PrintWriter out) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      if (c > 0) {
        line.append(GAP);
      }
      String cell = row.get(c);
      String padding = " ".repeat(widths[c] - cell.length());
      line.append(rightAligned.contains(c) ? padding + cell : cell + padding);
    }
    out.println(line.toString().stripTrailing());
  }
}
