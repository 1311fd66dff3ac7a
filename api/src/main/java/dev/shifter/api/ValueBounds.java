package dev.shifter.api;

/**
 * The smallest and largest value a generator makes in a continuous column (the range it was fitted
 * on, for a CTGAN), or infinite bounds when it does not bound the column.
 *
 * @param min the smallest value, or negative infinity
 * @param max the largest value, or positive infinity
 */
public record ValueBounds(double min, double max) {
  /** Bounds that do not restrict anything. */
  public static final ValueBounds UNBOUNDED = new ValueBounds(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

  /**
   * Checks the order.
   *
   * @throws IllegalArgumentException if {@code min > max} or either is NaN
   */
  public ValueBounds {
    if (!(min <= max)) {
      throw new IllegalArgumentException("Bounds [" + min + ", " + max + "] are not ordered.");
    }
  }

  /**
   * Tells whether both bounds are finite.
   *
   * @return true for a bounded column
   */
  public boolean isBounded() {
    return Double.isFinite(min) && Double.isFinite(max);
  }

  /**
   * Returns the width, {@code max - min}.
   *
   * @return the width, infinite when unbounded
   */
  public double width() {
    return max - min;
  }
}
