package dev.shifter.shift;

/** Receives a {@link StepReport} after every training step, on the training thread. */
@FunctionalInterface
public interface TrainingListener {

  /**
   * Called after each step; should return quickly.
   *
   * @param report the step's progress
   */
  void onStep(StepReport report);

  /**
   * Returns a listener that ignores every report.
   *
   * @return the listener
   */
  static TrainingListener none() {
    return report -> { };
  }
}
