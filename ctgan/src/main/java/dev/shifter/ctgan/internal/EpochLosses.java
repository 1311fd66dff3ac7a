package dev.shifter.ctgan.internal;

/**
 * The mean losses of one training epoch, as the model manifest records them for loss curves.
 *
 * @param epoch the epoch, from 1
 * @param generatorLoss the mean generator loss ({@code -mean D(fake)} plus the conditional cross-entropy)
 * @param criticLoss the mean Wasserstein critic loss, without the penalty
 * @param gradientPenalty the mean gradient penalty, its weight included
 */
public record EpochLosses(int epoch, double generatorLoss, double criticLoss, double gradientPenalty) {}
