package dev.shifter.bench;

import dev.shifter.shift.TargetReport;

/**
 * One targeted entry of one set: how its target was derived and how close the shifted and the
 * unshifted tables came.
 *
 * @param rule how the target was derived
 * @param real the real training split's value
 * @param bootstrapSd its bootstrap standard deviation
 * @param report the Shifter's report on the generated table (target, reached, unshifted, tolerance)
 */
record EntryResult(TargetRule rule, double real, double bootstrapSd, TargetReport report) {

  /** Tells whether the unshifted table is within the same tolerance of the target. */
  boolean unshiftedWithinTolerance() {
    return Math.abs(report.unshifted() - report.target()) <= report.tolerance();
  }
}
