package dev.shifter.shift;

import dev.shifter.api.InvalidInputException;

/**
 * One targeted meta-feature value: a feature, the output entry it names, and the value asked for, or
 * the interval the value may be drawn from when a Shifter is trained for a range.
 *
 * @param feature the meta-feature's name, e.g. {@code "skewness"}
 * @param key the entry: a continuous column ({@code "age"}), a pair in column order
 *     ({@code "age~hours-per-week"}), or {@code "value"} for a scalar feature
 * @param low the lowest value; equal to {@code high} for a fixed target
 * @param high the highest value
 */
public record TargetEntry(String feature, String key, double low, double high) {

  /**
   * Checks the values.
   *
   * @throws InvalidInputException if a bound is not finite or {@code low > high}
   */
  public TargetEntry {
    if (!Double.isFinite(low) || !Double.isFinite(high)) {
      throw new InvalidInputException("Target " + feature + "[" + key + "] must be a finite number, got "
          + (low == high ? String.valueOf(low) : "[" + low + ", " + high + "]") + ".");
    }
    if (low > high) {
      throw new InvalidInputException("Target range " + feature + "[" + key + "] = [" + low + ", " + high
          + "] has low > high. Write it as [" + high + ", " + low + "].");
    }
  }

  /**
   * Creates a fixed target.
   *
   * @param feature the meta-feature
   * @param key the column, pair or {@code "value"}
   * @param value the value asked for
   * @return the entry
   */
  public static TargetEntry fixed(String feature, String key, double value) {
    return new TargetEntry(feature, key, value, value);
  }

  /**
   * Creates a target range.
   *
   * @param feature the meta-feature
   * @param key the column, pair or {@code "value"}
   * @param low the lowest value
   * @param high the highest value
   * @return the entry
   */
  public static TargetEntry range(String feature, String key, double low, double high) {
    return new TargetEntry(feature, key, low, high);
  }

  /**
   * Tells whether this is a single value rather than an interval.
   *
   * @return {@code low == high}
   */
  public boolean isFixed() {
    return low == high;
  }

  /**
   * Returns the value of a fixed target, or the middle of a range.
   *
   * @return {@code (low + high) / 2}
   */
  public double midpoint() {
    return low + (high - low) / 2;
  }

  /**
   * Returns the entry's label for messages and reports.
   *
   * @return e.g. {@code "skewness[age]"}
   */
  public String label() {
    return feature + "[" + key + "]";
  }

  /**
   * Tells whether another entry names the same feature and key.
   *
   * @param other the other entry
   * @return true if only the values may differ
   */
  public boolean sameEntry(TargetEntry other) {
    return feature.equals(other.feature) && key.equals(other.key);
  }
}
