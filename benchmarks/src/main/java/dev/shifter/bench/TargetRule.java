package dev.shifter.bench;

import java.util.Locale;

/**
 * How one target entry of the Adult benchmark is derived from the real data: the real value plus
 * {@code k} bootstrap standard deviations, or the real value changed by a relative amount.
 *
 * @param feature the meta-feature, e.g. {@code "mean"}
 * @param key the column or pair, e.g. {@code "age"} or {@code "education-num~hours-per-week"}
 * @param shift how the target is derived
 * @param amount {@code k} for {@link Shift#BOOTSTRAP_SDS}, the relative change (0.1 = +10 %) for
 *     {@link Shift#RELATIVE}
 */
record TargetRule(String feature, String key, Shift shift, double amount) {
  /**
   * A target is refused when the real value is within this many bootstrap standard deviations of zero:
   * its relative error would be dominated by noise (or undefined).
   */
  static final double MIN_SDS_FROM_ZERO = 10;

  /** How a target is derived from the real value. */
  enum Shift {
    /** value + amount * bootstrap sd. */
    BOOTSTRAP_SDS,
    /** value * (1 + amount). */
    RELATIVE
  }

  /** The real value plus {@code k} bootstrap standard deviations. */
  static TargetRule sds(String feature, String key, double k) {
    return new TargetRule(feature, key, Shift.BOOTSTRAP_SDS, k);
  }

  /** The real value changed by {@code change} (0.1 = +10 %). */
  static TargetRule relative(String feature, String key, double change) {
    return new TargetRule(feature, key, Shift.RELATIVE, change);
  }

  /** Returns the entry's label, e.g. {@code mean[age]}. */
  String label() {
    return feature + "[" + key + "]";
  }

  /** Tells whether the target lies within two bootstrap sds of the real value (a "plausible" target). */
  boolean plausible() {
    return shift == Shift.BOOTSTRAP_SDS && Math.abs(amount) <= 2;
  }

  /** Describes the rule, e.g. {@code +2 sd} or {@code -15 %}. */
  String describe() {
    return shift == Shift.BOOTSTRAP_SDS ? String.format(Locale.ROOT, "%+.0f sd", amount)
        : String.format(Locale.ROOT, "%+.0f %%", amount * 100);
  }

  /**
   * Computes the target.
   *
   * @param value the real data's value
   * @param bootstrapSd its bootstrap standard deviation
   * @return the target value
   * @throws IllegalStateException if the real value is too close to zero for a relative error, or a
   *     bootstrap rule meets a zero bootstrap sd (a quantile stuck on a tie)
   */
  double target(double value, double bootstrapSd) {
    if (shift == Shift.BOOTSTRAP_SDS && !(bootstrapSd > 0)) {
      throw new IllegalStateException("Target " + label() + " " + describe() + ": the bootstrap sd is " + bootstrapSd
          + " (the value is stuck on a tie), so a shift in sds is no shift. Use a relative rule for it.");
    }
    if (Math.abs(value) < MIN_SDS_FROM_ZERO * bootstrapSd || value == 0) {
      throw new IllegalStateException("Target " + label() + ": the real value " + value + " is within "
          + MIN_SDS_FROM_ZERO + " bootstrap sds (" + bootstrapSd + ") of zero, so its relative error is mostly noise. "
          + "Choose another entry.");
    }
    return shift == Shift.BOOTSTRAP_SDS ? value + amount * bootstrapSd : value * (1 + amount);
  }
}
