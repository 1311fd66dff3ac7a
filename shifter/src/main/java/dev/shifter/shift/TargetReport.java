package dev.shifter.shift;

/**
 * How close generated data came to one target entry.
 *
 * @param feature the meta-feature
 * @param key the column, pair or {@code "value"}
 * @param target the value asked for
 * @param reached the value of the shifted data
 * @param unshifted the value of the unshifted generator with the same noise
 * @param tolerance the allowed distance {@code max(tolerance |target|, sampling noise, absolute)}
 * @param withinTolerance whether {@code |reached - target| <= tolerance}
 */
public record TargetReport(String feature, String key, double target, double reached, double unshifted,
    double tolerance, boolean withinTolerance) {

  /**
   * Returns the entry's label.
   *
   * @return e.g. {@code "skewness[age]"}
   */
  public String label() {
    return feature + "[" + key + "]";
  }

  /**
   * Returns the relative error of the shifted data.
   *
   * @return {@code |reached - target| / |target|}, or {@code |reached|} for a zero target
   */
  public double relativeError() {
    return relative(reached);
  }

  /**
   * Returns the relative error of the unshifted generator.
   *
   * @return {@code |unshifted - target| / |target|}, or {@code |unshifted|} for a zero target
   */
  public double unshiftedRelativeError() {
    return relative(unshifted);
  }

  private double relative(double value) {
    return target == 0 ? Math.abs(value) : Math.abs(value - target) / Math.abs(target);
  }
}
