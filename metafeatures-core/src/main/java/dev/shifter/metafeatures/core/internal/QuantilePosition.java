package dev.shifter.metafeatures.core.internal;

/**
 * Where a quantile falls between two order statistics, with numpy's default ("linear") rule: the
 * {@code p}-quantile of {@code n} sorted values {@code s} is {@code s[lo] + f (s[hi] - s[lo])} with
 * {@code lo = floor(p (n - 1))}, {@code hi = min(lo + 1, n - 1)} and {@code f = p (n - 1) - lo}.
 *
 * @param lower the lower order statistic's position {@code lo}
 * @param upper the upper order statistic's position {@code hi}
 * @param fraction the interpolation weight {@code f} in {@code [0, 1)}
 */
public record QuantilePosition(int lower, int upper, double fraction) {

  /**
   * Computes the position of the {@code probability}-quantile among {@code rows} values.
   *
   * @param rows the number of values {@code n >= 1}
   * @param probability the quantile's probability {@code p} in {@code [0, 1]}
   * @return the position
   */
  public static QuantilePosition of(int rows, double probability) {
    if (rows < 1 || !(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("need rows >= 1 and 0 <= probability <= 1, got " + rows + ", " + probability);
    }
    double virtual = probability * (rows - 1);
    int lower = (int) Math.floor(virtual);
    int upper = Math.min(lower + 1, rows - 1);
    return new QuantilePosition(lower, upper, virtual - lower);
  }
}
