package dev.shifter.shift.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One target entry as the internals see it (the public form is {@code dev.shifter.shift.TargetEntry}).
 *
 * @param feature the meta-feature's name
 * @param key the column, pair {@code "a~b"} or {@code "value"}
 * @param low the lowest value
 * @param high the highest value; equal to {@code low} for a fixed entry
 */
public record TargetSpec(String feature, String key, double low, double high) {

  /**
   * Returns the label for messages.
   *
   * @return e.g. {@code "skewness[age]"}
   */
  @JsonIgnore
  public String label() {
    return feature + "[" + key + "]";
  }

  /**
   * Tells whether the entry is a single value.
   *
   * @return {@code low == high}
   */
  @JsonIgnore
  public boolean isFixed() {
    return low == high;
  }
}
