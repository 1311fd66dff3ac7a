package dev.shifter.report.internal;

import org.jspecify.annotations.Nullable;

/**
 * One table cell: its text (escaped when written) and an optional CSS class.
 *
 * @param text the text
 * @param css the class, e.g. {@code "num"}, or {@code null}
 */
public record Cell(String text, @Nullable String css) {

  /**
   * Returns a text cell.
   *
   * @param text the text
   * @return the cell
   */
  public static Cell text(String text) {
    return new Cell(text, null);
  }

  /**
   * Returns a right-aligned number cell ({@link Numbers#format}); NaN shows as a dash.
   *
   * @param value the number
   * @return the cell
   */
  public static Cell number(double value) {
    return new Cell(Numbers.format(value), "num");
  }

  /**
   * Returns a yes/no cell, coloured.
   *
   * @param yes the answer
   * @return the cell
   */
  public static Cell yesNo(boolean yes) {
    return new Cell(yes ? "yes" : "no", yes ? "yes" : "no");
  }

  /**
   * Returns an empty cell, for a value that does not apply.
   *
   * @return the cell
   */
  public static Cell none() {
    return new Cell("\u2013", "num");
  }
}
