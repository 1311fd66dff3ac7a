package dev.shifter.ctgan.internal;

/**
 * Where a continuous column's decoded values may lie: the range seen when fitting, and the number of
 * decimals every fitted value had (0 for a column of whole numbers such as an age or a count).
 *
 * <p>A decoded value is clipped to the range and then rounded to the decimals, so that a generated
 * column has the spikes and bounds of the real one (a capital gain of exactly 0, never a negative age)
 * instead of a blur around them. The Gaussian modes alone cannot give either: a mode of width
 * {@code sigma} around a spike puts generated values on both sides of it.
 *
 * @param min the smallest value to decode to
 * @param max the largest value to decode to, at least {@code min}
 * @param decimals the decimals to round to, from 0 to {@link #MAX_DECIMALS}, or {@link #NOT_ROUNDED}
 */
public record ValueDomain(double min, double max, int decimals) {
  /** The value of {@code decimals} for a column that is not rounded. */
  public static final int NOT_ROUNDED = -1;

  /** The most decimals a column is rounded to; a column with more is left as it is. */
  public static final int MAX_DECIMALS = 4;

  /** A domain that changes nothing: all doubles, not rounded. */
  public static final ValueDomain UNBOUNDED = new ValueDomain(-Double.MAX_VALUE, Double.MAX_VALUE, NOT_ROUNDED);

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if the range is empty or not finite, or the decimals out of range
   */
  public ValueDomain {
    if (!(Double.isFinite(min) && Double.isFinite(max) && min <= max)) {
      throw new IllegalArgumentException("invalid range [" + min + ", " + max + "]");
    }
    if (decimals < NOT_ROUNDED || decimals > MAX_DECIMALS) {
      throw new IllegalArgumentException("invalid decimals " + decimals);
    }
  }

  /**
   * Learns the domain of a column from its present values.
   *
   * @param present the column's non-missing values, all finite; may be empty
   * @return their range and decimals, or {@link #UNBOUNDED} for no values
   */
  public static ValueDomain of(double[] present) {
    if (present.length == 0) {
      return UNBOUNDED;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : present) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    for (int decimals = 0; decimals <= MAX_DECIMALS; decimals++) {
      if (allRoundTo(present, decimals)) {
        return new ValueDomain(min, max, decimals);
      }
    }
    return new ValueDomain(min, max, NOT_ROUNDED);
  }

  private static boolean allRoundTo(double[] values, int decimals) {
    double scale = Math.pow(10.0, decimals);
    for (double v : values) {
      double scaled = v * scale;
      if (Math.abs(scaled) >= 1e15 || Math.abs(scaled - Math.rint(scaled)) > 1e-9 * Math.max(1.0, Math.abs(scaled))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns whether decoded values are rounded.
   *
   * @return true when {@code decimals} is not {@link #NOT_ROUNDED}
   */
  public boolean rounds() {
    return decimals != NOT_ROUNDED;
  }

  /**
   * Returns {@code 10^decimals}, the factor of the rounding, or 1 when the column is not rounded.
   *
   * @return the scale
   */
  public double roundingScale() {
    return rounds() ? Math.pow(10.0, decimals) : 1.0;
  }

  /**
   * Puts a value decoded in float32 arithmetic (as {@link GumbelDecoder#straightThrough} decodes) in the
   * domain, choosing the rounded value the way the differentiable decoder does: clipped and scaled in
   * float32, rounded half to even. So the hard and the differentiable decode agree even for a value at
   * the edge between two roundings; the result is the chosen multiple of {@code 10^-decimals} in double
   * precision (e.g. exactly 5.1, not float32's 5.0999999).
   *
   * @param value a decoded value computed in float32
   * @return the value in the domain
   */
  public double apply(float value) {
    if (!rounds()) {
      return apply((double) value);
    }
    float clipped = Math.max((float) min, Math.min((float) max, value));
    double scale = roundingScale();
    double whole = Math.rint(clipped * (float) scale);
    return Math.max(min, Math.min(max, whole / scale));
  }

  /**
   * Clips a decoded value to the range, then rounds it to the decimals.
   *
   * @param value a decoded value, NaN for missing
   * @return the value in the domain; NaN stays NaN
   */
  public double apply(double value) {
    if (Double.isNaN(value)) {
      return value;
    }
    double clipped = Math.max(min, Math.min(max, value));
    if (!rounds()) {
      return clipped;
    }
    double scale = roundingScale();
    return Math.max(min, Math.min(max, Math.rint(clipped * scale) / scale));
  }
}
