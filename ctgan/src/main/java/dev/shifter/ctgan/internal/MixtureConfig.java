package dev.shifter.ctgan.internal;

import dev.shifter.api.InvalidInputException;

/**
 * Settings of the variational Gaussian mixture fitted to each continuous column. The priors are stated
 * on the column standardised to mean 0 and variance 1, which makes them data-driven on the original
 * scale: the prior mean of every component is the column's mean and the prior variance its variance.
 *
 * @param maxComponents the truncation level K of the stick-breaking prior (the paper: 10)
 * @param weightConcentration the Dirichlet-process concentration alpha; small values favour few modes
 *     (the paper: 0.001)
 * @param meanPrecision beta0, the prior precision of a component mean in units of the component's own
 *     precision (1: the prior mean weighs as much as one row)
 * @param degreesOfFreedom nu0 of the Wishart (in 1-D: Gamma) prior on a component's precision; the
 *     Gamma prior has shape nu0 / 2 and rate nu0 * (prior variance) / 2
 * @param tolerance stop when the evidence lower bound, divided by the number of rows, changes by less
 *     than this between two iterations
 * @param maxIterations the most variational iterations
 * @param pruneBelow components whose expected weight is below this are dropped after the fit (the
 *     paper: 0.005)
 * @param maxFitRows columns with more non-missing values are fitted on a seeded random subsample of
 *     this size (the responsibilities are still computed for every row)
 * @param mergeMoves whether to try merging neighbouring components after convergence, keeping a merge
 *     only when it raises the lower bound (Hughes and Sudderth 2013); without it, mean-field updates
 *     often leave a true mode split into several overlapping components
 * @param spikeShare an exact value that holds at least this share of a column's values gets its own
 *     component of width {@code 1e-6 max(1, |value|)}, and the mixture is fitted to the other values
 *     ({@link ValueSpikes}); 0 turns spikes off
 */
public record MixtureConfig(
    int maxComponents, double weightConcentration, double meanPrecision, double degreesOfFreedom,
    double tolerance, int maxIterations, double pruneBelow, int maxFitRows, boolean mergeMoves,
    double spikeShare) {

  /** Checks the ranges. */
  public MixtureConfig {
    check(maxComponents >= 1 && maxComponents <= 1000, "maxComponents", maxComponents, "between 1 and 1000");
    check(weightConcentration > 0 && Double.isFinite(weightConcentration), "weightConcentration",
        weightConcentration, "positive");
    check(meanPrecision > 0 && Double.isFinite(meanPrecision), "meanPrecision", meanPrecision, "positive");
    check(degreesOfFreedom > 0 && Double.isFinite(degreesOfFreedom), "degreesOfFreedom", degreesOfFreedom,
        "positive (in one dimension any nu0 > 0 is proper)");
    check(tolerance >= 0 && Double.isFinite(tolerance), "tolerance", tolerance, "zero or positive");
    check(maxIterations >= 1, "maxIterations", maxIterations, "at least 1");
    check(pruneBelow >= 0 && pruneBelow < 1.0 / maxComponents, "pruneBelow", pruneBelow,
        "in [0, 1 / maxComponents) so that at least one component survives");
    check(maxFitRows >= 2, "maxFitRows", maxFitRows, "at least 2");
    check(spikeShare >= 0 && spikeShare <= 1, "spikeShare", spikeShare, "between 0 (no spikes) and 1");
  }

  /**
   * Returns the paper's settings: at most 10 components, concentration 0.001, beta0 = 1, nu0 = 1,
   * tolerance 0.001 per row, 100 iterations, components below 0.005 pruned, fits on at most 50,000 rows,
   * merge moves on, and a value that holds 5 % of a column or more fitted as a spike of its own.
   *
   * @return the defaults
   */
  public static MixtureConfig defaults() {
    return new MixtureConfig(10, 1e-3, 1.0, 1.0, 1e-3, 100, 0.005, 50_000, true, 0.05);
  }

  private static void check(boolean ok, String name, double value, String range) {
    if (!ok) {
      throw new InvalidInputException("Mixture setting " + name + " = " + value + " is out of range; it must be "
          + range + ".");
    }
  }
}
