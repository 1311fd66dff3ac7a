package dev.shifter.shift;

/**
 * A target entry that the Shifter approached by piling rows at a bound of a column: more of the
 * shifted rows sit at the column's smallest or largest value than of the unshifted rows (by more than
 * {@link #THRESHOLD} of all rows). The generator cannot make values beyond the range it was fitted on,
 * so such an entry asks for mass beyond a bound: it is out of reach without a spike that the data does
 * not have.
 *
 * @param entry the entry's label, e.g. {@code mean[x]}
 * @param column the column
 * @param bound the bound's value
 * @param atMaximum true for the column's largest value, false for its smallest
 * @param shiftedShare the share of shifted rows at the bound
 * @param unshiftedShare the share of unshifted rows at the bound, with the same noise
 */
public record BoundPile(String entry, String column, double bound, boolean atMaximum, double shiftedShare,
    double unshiftedShare) {
  /** The excess share of rows at a bound above which it counts as a pile: 1 % of the rows. */
  public static final double THRESHOLD = 0.01;

  /**
   * Returns the excess share of rows at the bound.
   *
   * @return {@code shiftedShare - unshiftedShare}
   */
  public double excess() {
    return shiftedShare - unshiftedShare;
  }
}
