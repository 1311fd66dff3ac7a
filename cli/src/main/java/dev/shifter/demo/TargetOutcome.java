package dev.shifter.demo;

/**
 * How the demo's shifted table did on one target entry.
 *
 * @param feature the meta-feature
 * @param key the column, pair or {@code "value"}
 * @param target the value asked for
 * @param data the value in the fitted table
 * @param unshifted the value of the unshifted generator with the same noise
 * @param reached the value in the shifted table
 * @param tolerance the allowed distance from the target
 * @param withinTolerance whether {@code |reached - target| <= tolerance}
 */
public record TargetOutcome(String feature, String key, double target, double data, double unshifted, double reached,
    double tolerance, boolean withinTolerance) {

  /**
   * Returns the entry's label.
   *
   * @return e.g. {@code "skewness[income]"}
   */
  public String label() {
    return feature + "[" + key + "]";
  }

  /**
   * Tells whether the shift moved the value towards the target.
   *
   * @return {@code |reached - target| < |unshifted - target|}
   */
  public boolean approached() {
    return Math.abs(reached - target) < Math.abs(unshifted - target);
  }
}
