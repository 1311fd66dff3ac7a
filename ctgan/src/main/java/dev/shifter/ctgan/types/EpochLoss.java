package dev.shifter.ctgan.types;

/**
 * The mean losses of one epoch of a fit, for loss curves ({@code CtganModel.lossHistory()}).
 *
 * @param epoch the epoch, from 1
 * @param generatorLoss the mean generator loss: {@code -mean D(fake)} plus the conditional cross-entropy
 * @param criticLoss the mean Wasserstein critic loss {@code mean D(fake) - mean D(real)}, without the penalty
 * @param gradientPenalty the mean gradient penalty, its weight included
 */
public record EpochLoss(int epoch, double generatorLoss, double criticLoss, double gradientPenalty) {}
