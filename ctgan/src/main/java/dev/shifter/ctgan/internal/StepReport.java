package dev.shifter.ctgan.internal;

/**
 * What one training step reports, e.g. to a progress bar.
 *
 * @param epoch the epoch, from 0
 * @param step the step within the epoch, from 0
 * @param stepsPerEpoch the number of steps in an epoch
 * @param generatorLoss the generator's loss: {@code -mean D(fake)} plus the conditional loss
 * @param criticLoss the critic's Wasserstein loss {@code -(mean D(real) - mean D(fake))}, without the
 *     penalty (of the step's last critic step)
 * @param gradientPenalty the gradient penalty, lambda included (of the step's last critic step)
 */
public record StepReport(
    int epoch, int step, int stepsPerEpoch, float generatorLoss, float criticLoss,
    float gradientPenalty) {}
