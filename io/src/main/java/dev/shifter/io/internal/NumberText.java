package dev.shifter.io.internal;

import java.util.regex.Pattern;

/**
 * Parses and prints the numbers of table files. A number is a plain decimal such as {@code 41},
 * {@code -0.5}, {@code .28} or {@code 1.5e-3}, optionally surrounded by blanks; {@code NaN},
 * {@code Infinity}, hexadecimal and Java suffixes such as {@code 1d} are not numbers, and
 * {@link #isNonFiniteWord} tells the words for non-finite values apart so that a message can name them.
 * Which fields are missing is {@link ReadRules#isMissing}'s to say.
 */
public final class NumberText {
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
  private static final Pattern NON_FINITE = Pattern.compile("(?i)[+-]?(?:nan|inf|infinity)");
  /** Integral values below this magnitude print as integers; above it {@code Double.toString} is exact. */
  private static final double INTEGRAL_LIMIT = 1e15;

  private NumberText() {}

  /**
   * Tells whether a field is a word for a non-finite value: {@code NaN}, {@code inf}, {@code -Infinity}
   * and the like, in any case.
   *
   * @param field the raw field text
   * @return true if it is
   */
  public static boolean isNonFiniteWord(String field) {
    return NON_FINITE.matcher(field.strip()).matches();
  }

  /**
   * Tells whether a field looks like a decimal number (it may still be too large for a double).
   *
   * @param field the raw field text
   * @return true if it matches the decimal syntax
   */
  public static boolean isDecimal(String field) {
    return DECIMAL.matcher(field.strip()).matches();
  }

  /**
   * Parses a field that {@link #isDecimal(String)} accepted.
   *
   * @param field the raw field text
   * @return its value, infinite if it overflows a double
   */
  public static double parse(String field) {
    return Double.parseDouble(field.strip());
  }

  /**
   * Prints a value so that {@link #parse(String)} gives it back exactly: integral values without a
   * fraction ({@code 500001}, not {@code 500001.0}), others as {@link Double#toString(double)}.
   *
   * @param value a finite value
   * @return its text
   */
  public static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < INTEGRAL_LIMIT) {
      if (value == 0 && Double.doubleToRawLongBits(value) != 0) {
        return "-0";
      }
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
