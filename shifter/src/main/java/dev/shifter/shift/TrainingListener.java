package dev.shifter.shift;

/**
 * Receives a {@link StepReport} after every training step, and warnings before training, on the
 * training thread.
 */
@FunctionalInterface
public interface TrainingListener {

  /**
   * Called after each step; should return quickly.
   *
   * @param report the step's progress
   */
  void onStep(StepReport report);

  /**
   * Called before training when something about the task deserves the user's attention, such as a
   * target far beyond what the unshifted model makes. The default ignores it.
   *
   * @param message one sentence or a few, saying what and what to do
   */
  default void onWarning(String message) {
    // Ignored unless the listener shows warnings.
  }

  /**
   * Returns a listener that ignores every report.
   *
   * @return the listener
   */
  static TrainingListener none() {
    return report -> { };
  }
}
