package dev.shifter.ctgan.types;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Hears about the progress of {@code CtganTrainer.fit()} (and of the training loop inside it), on the thread that runs the fit. Only
 * {@link #onStep} must be written (a lambda will do); the other methods do nothing by default.
 * Exceptions thrown here end the fit.
 */
@FunctionalInterface
public interface FitListener {

  /**
   * Called after each training step.
   *
   * @param progress the step's position and losses
   */
  void onStep(FitProgress progress);

  /**
   * Called once the data is encoded (the mode-specific normalisation fitted, or restored when resuming),
   * before the first step.
   *
   * @param rows the number of training rows
   * @param encodedWidth the width of an encoded row
   * @param took how long fitting and encoding took
   */
  default void onDataEncoded(int rows, int encodedWidth, Duration took) {}

  /**
   * Called after each completed epoch.
   *
   * @param epochsCompleted the number of epochs completed so far
   * @param epochs the number of epochs the fit will reach
   */
  default void onEpochEnd(int epochsCompleted, int epochs) {}

  /**
   * Called after a checkpoint was written.
   *
   * @param dir the checkpoint directory, a complete model directory
   * @param epochsCompleted the epochs it holds
   */
  default void onCheckpoint(Path dir, int epochsCompleted) {}
}
