package dev.shifter.bench;

import java.util.Locale;
import java.util.StringJoiner;

/** Writes CSV rows: numbers in full precision, text quoted when it holds a comma or a quote. */
final class Csv {
  private Csv() {}

  /** Returns one CSV line, ending with a newline. */
  static String row(Object... values) {
    StringJoiner line = new StringJoiner(",", "", "\n");
    for (Object value : values) {
      line.add(cell(value));
    }
    return line.toString();
  }

  private static String cell(Object value) {
    if (value instanceof Double d) {
      return Double.isFinite(d) ? String.format(Locale.ROOT, "%.8g", d) : "";
    }
    String text = String.valueOf(value);
    if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
