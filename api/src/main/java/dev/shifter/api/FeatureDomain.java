package dev.shifter.api;

/**
 * Where the values of a meta-feature can lie, so that an impossible or unreachable target is refused
 * before any training ({@link MetaFeature#domain()}). The column-relative domains apply to
 * {@link Arity#PER_COLUMN} features and use the generator's {@link GeneratorAdapter#continuousBounds()
 * bounds} of the column: a generator that puts every value within {@code [min, max]} cannot make a mean
 * beyond it.
 */
public enum FeatureDomain {
  /** Any real number (the default). */
  ANY_REAL("any real number"),
  /** Zero or more: a spread, a variance, an absolute covariance, an entropy. */
  NON_NEGATIVE("0 or more"),
  /** Between 0 and 1: an absolute correlation, a fraction. */
  UNIT_INTERVAL("between 0 and 1"),
  /** Between the smallest and the largest value of the column: a mean, a median, a quantile. */
  WITHIN_COLUMN_RANGE("between the smallest and the largest value of its column"),
  /** Between 0 and the column's width (largest minus smallest value): a range, an IQR, a standard deviation. */
  WITHIN_COLUMN_WIDTH("between 0 and its column's width (largest minus smallest value)");

  private final String words;

  FeatureDomain(String words) {
    this.words = words;
  }

  /**
   * Says where the values lie, for messages.
   *
   * @return e.g. "between 0 and 1"
   */
  public String words() {
    return words;
  }
}
