package dev.shifter.io.internal;

import dev.shifter.api.ShifterWarning;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a reader needs to know besides the file: the forced column kinds, the texts that stand for a
 * missing value, and where warnings go.
 *
 * @param discrete names of columns to read as categorical
 * @param continuous names of columns to read as continuous
 * @param missing texts that stand for a missing value besides an empty field, trimmed
 * @param warnings receives one message per thing the reader did that the user should know of (a
 *     file that is not UTF-8, a mostly numeric column read as categorical)
 */
public record ReadRules(Set<String> discrete, Set<String> continuous, Set<String> missing,
    Consumer<ShifterWarning> warnings) {
  /** Copies the sets. */
  public ReadRules {
    discrete = Set.copyOf(discrete);
    continuous = Set.copyOf(continuous);
    missing = Set.copyOf(missing);
  }

  /**
   * Tells whether a field stands for a missing value: it is empty or blank, or one of
   * {@link #missing()} once trimmed.
   *
   * @param field the raw field text
   * @return true if the value is missing
   */
  public boolean isMissing(String field) {
    String trimmed = field.strip();
    return trimmed.isEmpty() || (!missing.isEmpty() && missing.contains(trimmed));
  }
}
