package dev.shifter.report.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Formats numbers for the report's tables: four significant digits or so, never an exponent below 1e5. */
public final class Numbers {
  private Numbers() {}

  /**
   * Formats a value.
   *
   * @param value the value
   * @return e.g. {@code "0.4123"}, {@code "12.35"}, {@code "123,457"}, {@code "1.2e-05"}; a dash for NaN
   */
  public static String format(double value) {
    if (Double.isNaN(value)) {
      return "\u2013";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "\u221e" : "-\u221e";
    }
    double magnitude = Math.abs(value);
    if (magnitude == 0) {
      return "0";
    }
    if (magnitude >= 1e5) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (magnitude >= 100) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if (magnitude >= 1) {
      return String.format(Locale.ROOT, "%.3f", value);
    }
    if (magnitude >= 1e-3) {
      return String.format(Locale.ROOT, "%.4f", value);
    }
    return String.format(Locale.ROOT, "%.2e", value);
  }

  /**
   * Formats an axis tick: at most four significant digits, no exponent, no trailing zeros.
   *
   * @param value the tick value
   * @return e.g. {@code "0.25"}, {@code "1200"}, {@code "-3.5"}
   */
  public static String tick(double value) {
    if (!Double.isFinite(value) || value == 0) {
      return Double.isFinite(value) ? "0" : String.valueOf(value);
    }
    return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  /**
   * Formats a share as a percentage.
   *
   * @param share in [0, 1]
   * @return e.g. {@code "12.5 %"}
   */
  public static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * share);
  }
}
