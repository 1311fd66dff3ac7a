package dev.shifter.bench;

import java.util.List;

/**
 * What one method (the Shifter, tilt, or the plain CTGAN) made of one target set in the suite
 * benchmark.
 *
 * @param dataSet the data set
 * @param set the set's id
 * @param allPlausible whether every entry of the set is plausible
 * @param method {@code shifter}, {@code tilt} or {@code ctgan}
 * @param entries the entries (empty for the plain CTGAN and for a failure)
 * @param detection the LogisticDetection score against the real table (1: indistinguishable)
 * @param forestAuc the random forest's ROC AUC of real against generated rows (0.5: indistinguishable)
 * @param boundExcess the largest share of generated rows at a continuous column's smallest or largest
 *     real value, minus the real table's share there
 * @param addedAtBounds the same against the plain CTGAN's table instead of the real one: what the
 *     method itself piled at a bound
 * @param worstTvDrop the largest drop of a categorical column's total-variation complement against the
 *     plain CTGAN's (0 when none dropped or there is no categorical column)
 * @param seconds the method's time: training and generation for the Shifter, the whole draw for tilt
 * @param note how it ended: the stop reason, the effective sample size, or why it failed
 */
record SuiteResult(String dataSet, String set, boolean allPlausible, String method, List<Entry> entries,
    double detection, double forestAuc, double boundExcess, double addedAtBounds, double worstTvDrop, double seconds,
    String note) {

  /** Copies the entries. */
  SuiteResult {
    entries = List.copyOf(entries);
  }

  /** Tells whether the method produced a table. */
  boolean succeeded() {
    return !Double.isNaN(detection);
  }

  /**
   * One entry.
   *
   * @param label e.g. {@code mean[age]}
   * @param rule how the target was derived, e.g. {@code +2 sd}
   * @param plausible whether the target is within 2 bootstrap sds of the real value
   * @param real the real value
   * @param target the target
   * @param unshifted the plain CTGAN table's value
   * @param reached the method's table's value
   * @param tolerance the tolerance of the method's report
   * @param within whether the reached value is within it
   */
  record Entry(String label, String rule, boolean plausible, double real, double target, double unshifted,
      double reached, double tolerance, boolean within) {

    /** The relative error of the reached value. */
    double error() {
      return Math.abs(reached - target) / Math.max(Math.abs(target), 1e-12);
    }

    /** The relative error of the plain CTGAN. */
    double unshiftedError() {
      return Math.abs(unshifted - target) / Math.max(Math.abs(target), 1e-12);
    }

    /**
     * Whether the method ended further from the target than the plain CTGAN, beyond float32 rounding
     * (the identity's reached value is the unshifted one read back from float32).
     */
    boolean movedAway() {
      double rounding = 1e-6 * Math.max(Math.abs(target), Math.abs(unshifted));
      return Math.abs(reached - target) > Math.abs(unshifted - target) + rounding;
    }
  }
}
