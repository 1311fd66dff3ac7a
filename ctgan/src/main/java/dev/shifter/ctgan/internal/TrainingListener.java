package dev.shifter.ctgan.internal;

/**
 * Hears about the progress of {@link CtganTraining#train}. Called on the training thread, after
 * each step and after each completed epoch; a listener that wants training to end calls
 * {@link CtganTraining#requestStop()}.
 */
@FunctionalInterface
public interface TrainingListener {

  /**
   * Called after each step.
   *
   * @param report the step's losses and position
   */
  void onStep(StepReport report);

  /**
   * Called after each completed epoch (not after an epoch cut short by a stop request), e.g. to
   * write a checkpoint. Does nothing by default.
   *
   * @param epoch the epoch just completed, from 0
   */
  default void onEpochEnd(int epoch) {}
}
