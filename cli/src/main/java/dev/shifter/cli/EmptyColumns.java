package dev.shifter.cli;

import java.nio.file.Path;
import java.util.List;

/** Words for continuous columns that are empty in every row. */
final class EmptyColumns {
  private EmptyColumns() {}

  /**
   * Says which columns are empty: "data.csv: column 'b' is empty in all 400 rows; it was".
   *
   * @param columns the empty columns, at least one
   * @param rows the table's row count
   * @param file the file, for the message
   * @return the start of a sentence, to be ended by the caller with what was done
   */
  static String describe(List<String> columns, int rows, Path file) {
    return file + ": " + (columns.size() == 1 ? "column '" + columns.get(0) + "' is"
        : "columns '" + String.join("', '", columns) + "' are") + " empty in all " + rows + " rows; "
        + (columns.size() == 1 ? "it was" : "they were");
  }
}
