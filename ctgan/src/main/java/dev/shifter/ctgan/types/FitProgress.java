package dev.shifter.ctgan.types;

/**
 * What one training step reports to a {@link FitListener}, e.g. for a progress bar.
 *
 * @param epoch the epoch the step belongs to, from 0
 * @param epochs the number of epochs the fit will reach
 * @param step the step within the epoch, from 0
 * @param stepsPerEpoch the number of steps in an epoch
 * @param batchSize the rows per step
 * @param generatorLoss the generator's loss: {@code -mean D(fake)} plus the conditional cross-entropy
 * @param criticLoss the critic's Wasserstein loss {@code mean D(fake) - mean D(real)}, without the penalty
 * @param gradientPenalty the gradient penalty, its weight included
 */
public record FitProgress(int epoch, int epochs, int step, int stepsPerEpoch, int batchSize, float generatorLoss,
    float criticLoss, float gradientPenalty) {

  /**
   * Returns the number of steps done, this one included, counted from the first epoch.
   *
   * @return {@code epoch * stepsPerEpoch + step + 1}
   */
  public long stepsDone() {
    return (long) epoch * stepsPerEpoch + step + 1;
  }

  /**
   * Returns the number of steps of the whole fit.
   *
   * @return {@code epochs * stepsPerEpoch}
   */
  public long totalSteps() {
    return (long) epochs * stepsPerEpoch;
  }
}
