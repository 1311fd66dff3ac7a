package dev.shifter.ctgan.internal;

import dev.shifter.ctgan.types.EpochLoss;
import java.util.List;

/**
 * How far training got and on what data, as the model manifest records it.
 *
 * @param epochsCompleted the number of whole epochs trained
 * @param stepsCompleted the number of steps trained; more than {@code epochsCompleted * stepsPerEpoch}
 *     when training was stopped in the middle of an epoch (such a model cannot be resumed exactly)
 * @param stepsPerEpoch the number of steps in an epoch, {@code max(1, rows / batchSize)}
 * @param rows the number of training rows
 * @param dataSha256 the SHA-256 of the encoded training data, to check that a resumed run trains on the
 *     same data
 * @param history the mean losses of each completed epoch, in order (empty in a model written before
 *     they were recorded)
 */
public record TrainingRecord(int epochsCompleted, long stepsCompleted, int stepsPerEpoch, int rows,
    String dataSha256, List<EpochLoss> history) {

  /** Copies the history. */
  public TrainingRecord {
    history = List.copyOf(history);
  }

  /**
   * Tells whether training stopped at an epoch boundary, where a resumed run continues exactly.
   *
   * @return whether the steps are a whole number of epochs
   */
  public boolean atEpochBoundary() {
    return stepsCompleted == (long) epochsCompleted * stepsPerEpoch;
  }
}
