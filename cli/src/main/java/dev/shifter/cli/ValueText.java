package dev.shifter.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Formats meta-feature values for people: seven significant digits, plain notation where sensible. */
final class ValueText {
  private static final MathContext DIGITS = new MathContext(7);
  private static final double PLAIN_MIN = 1e-4;
  private static final double PLAIN_MAX = 1e9;

  private ValueText() {}

  /** Returns e.g. {@code 5.843333}, {@code 0.1175698}, {@code 1.234568e+12}, {@code NaN}. */
  static String of(float value) {
    if (!Float.isFinite(value)) {
      return Float.toString(value);
    }
    if (value == 0) {
      return "0";
    }
    double magnitude = Math.abs(value);
    if (magnitude >= PLAIN_MIN && magnitude < PLAIN_MAX) {
      return new BigDecimal(Float.toString(value)).round(DIGITS).stripTrailingZeros().toPlainString();
    }
    return String.format(Locale.ROOT, "%.6e", value);
  }
}
