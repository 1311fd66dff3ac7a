package dev.shifter.api;

import java.util.ArrayList;
import java.util.List;

/** How many values a meta-feature returns for an {@code n x d} matrix. */
public enum Arity {
  /** One value per column: a vector of length {@code d}. */
  PER_COLUMN,
  /**
   * One value per unordered pair of columns: a vector of length {@code d(d-1)/2}, ordered (0,1),
   * (0,2), ..., (0,d-1), (1,2), ...
   */
  PER_PAIR,
  /** One value for the whole table: a vector of length 1. */
  SCALAR;

  /** Separator between the two column names of a pair label, as in {@code "age~hours-per-week"}. */
  public static final String PAIR_SEPARATOR = "~";

  /**
   * Returns the length of the output vector for a matrix with {@code columns} columns.
   *
   * @param columns the number of columns {@code d}
   * @return {@code d}, {@code d(d-1)/2} or 1
   */
  public int outputLength(int columns) {
    return switch (this) {
      case PER_COLUMN -> columns;
      case PER_PAIR -> columns * (columns - 1) / 2;
      case SCALAR -> 1;
    };
  }

  /**
   * Returns the labels of the output entries, in output order: column names, {@code "a~b"} pairs or
   * {@code "value"}.
   *
   * @param columnNames the names of the matrix's columns, in order
   * @return one label per output entry
   */
  public List<String> labels(List<String> columnNames) {
    return switch (this) {
      case PER_COLUMN -> List.copyOf(columnNames);
      case PER_PAIR -> {
        List<String> labels = new ArrayList<>(outputLength(columnNames.size()));
        for (int i = 0; i < columnNames.size(); i++) {
          for (int j = i + 1; j < columnNames.size(); j++) {
            labels.add(columnNames.get(i) + PAIR_SEPARATOR + columnNames.get(j));
          }
        }
        yield List.copyOf(labels);
      }
      case SCALAR -> List.of("value");
    };
  }
}
