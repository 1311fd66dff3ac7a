package dev.shifter.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code -n} option of {@code sample} and {@code generate}: a whole number of rows, with limits in
 * words. Both commands refuse 0 rows (a table without rows is not one their own readers accept).
 */
final class RowCount implements ITypeConverter<Long> {
  /** The most rows one table in memory can hold (Arrow vectors are indexed by int). */
  static final long IN_MEMORY_LIMIT = Integer.MAX_VALUE;

  @Override
  public Long convert(String value) {
    String text = value.strip().replace("_", "");
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a whole number of rows: give a number from 1 to "
          + String.format(Locale.ROOT, "%,d", Long.MAX_VALUE) + ", without commas or a decimal point (e.g. 50000).");
    }
  }

  /** Refuses fewer than one row. */
  static void requirePositive(CommandSpec spec, long rows) {
    if (rows < 1) {
      throw new ParameterException(spec.commandLine(), "-n must be at least 1, got " + rows + ".");
    }
  }

  /** Refuses fewer than one row and more than a table in memory holds; returns the count as an int. */
  static int requireInMemory(CommandSpec spec, long rows) {
    requirePositive(spec, rows);
    if (rows > IN_MEMORY_LIMIT) {
      throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT, "-n %,d is more rows than one "
          + "generated table can hold (at most %,d, since it is measured in memory). Generate several files with "
          + "different --seed values instead.", rows, IN_MEMORY_LIMIT));
    }
    return (int) rows;
  }
}
