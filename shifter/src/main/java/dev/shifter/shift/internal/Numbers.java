package dev.shifter.shift.internal;

import java.util.Locale;

/** Prints numbers in messages: a few significant digits, no trailing zeros. */
final class Numbers {
  private Numbers() {}

  /** Prints a number with 6 significant digits and no trailing zeros: 1e+30, 39.2361, 0.05, 90. */
  static String compact(double value) {
    return compact(value, 6);
  }

  /** Prints a number with {@code digits} significant digits and no trailing zeros. */
  static String compact(double value, int digits) {
    String text = String.format(Locale.ROOT, "%." + digits + "g", value);
    int exponent = text.indexOf('e');
    String mantissa = exponent < 0 ? text : text.substring(0, exponent);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return exponent < 0 ? mantissa : mantissa + text.substring(exponent);
  }
}
