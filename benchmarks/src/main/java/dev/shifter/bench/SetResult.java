package dev.shifter.bench;

import java.util.List;

/**
 * The outcome of one target set: training, generation and detection.
 *
 * @param set the target set
 * @param entries one result per entry, in the set's order (empty if training failed)
 * @param steps the training steps taken
 * @param stopReason why training ended ({@code CONVERGED}, {@code MAX_STEPS}, or {@code FAILED: ...})
 * @param trainSeconds the training time, calibration and evaluations included
 * @param stepsPerSecond steps per second over the whole training
 * @param medianStepMillis the median time of a training step without evaluation
 * @param generateSeconds the time to generate the shifted table and its report
 * @param detectionSeconds the time to compute the shifted table's detection score
 * @param shiftedDetection the detection score of the shifted table against the real rows
 * @param unshiftedDetection the detection score of the unshifted table (same noise) against the same rows
 */
record SetResult(TargetSet set, List<EntryResult> entries, int steps, String stopReason, double trainSeconds,
    double stepsPerSecond, double medianStepMillis, double generateSeconds, double detectionSeconds,
    double shiftedDetection, double unshiftedDetection) {

  /** Copies the entries. */
  SetResult {
    entries = List.copyOf(entries);
  }

  /** Returns how much the detection score fell from the unshifted table to the shifted one. */
  double detectionDrop() {
    return unshiftedDetection - shiftedDetection;
  }

  /** Tells whether training and generation ran. */
  boolean ran() {
    return !entries.isEmpty();
  }

  /** Tells whether every entry is within its tolerance. */
  boolean allWithinTolerance() {
    return ran() && entries.stream().allMatch(e -> e.report().withinTolerance());
  }
}
