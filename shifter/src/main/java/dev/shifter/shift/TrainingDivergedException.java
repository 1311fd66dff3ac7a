package dev.shifter.shift;

import dev.shifter.api.Remedy;
import dev.shifter.api.ShifterException;

/**
 * Training stopped because a loss term became NaN or infinite. The last checkpoint written before, if
 * any, is left as it was.
 */
public final class TrainingDivergedException extends ShifterException {
  private static final long serialVersionUID = 1L;

  private final int step;
  private final String term;
  private final int lastCheckpointStep;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   * @param step the step at which the term blew up
   * @param term the term's name ({@code meta_loss}, a regularizer's name, or {@code loss} for the sum)
   * @param lastCheckpointStep the step of the last checkpoint kept, or 0 if none was written
   */
  public TrainingDivergedException(String message, int step, String term, int lastCheckpointStep,
      Remedy... remedies) {
    super(message, remedies);
    this.step = step;
    this.term = term;
    this.lastCheckpointStep = lastCheckpointStep;
  }

  /**
   * Returns the step at which training stopped.
   *
   * @return the step, from 1
   */
  public int step() {
    return step;
  }

  /**
   * Returns the name of the term that was not finite.
   *
   * @return the term
   */
  public String term() {
    return term;
  }

  /**
   * Returns the step of the last checkpoint kept.
   *
   * @return the step, or 0 if no checkpoint was written
   */
  public int lastCheckpointStep() {
    return lastCheckpointStep;
  }
}
