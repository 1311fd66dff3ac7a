package dev.shifter.ctgan.internal;

/**
 * The outcome of fitting a {@link VariationalGaussianMixture} to one column.
 *
 * @param modes the surviving components, ordered by mean, weights renormalised
 * @param iterations the variational iterations run, merge trials included (0 for a constant column)
 * @param converged whether the lower bound settled within the tolerance before the iteration limit
 * @param lowerBoundPerRow the last evidence lower bound divided by the number of rows fitted, on the
 *     standardised column (NaN for a constant column)
 * @param fittedRows the number of values fitted (after subsampling)
 */
public record MixtureFit(GaussianModes modes, int iterations, boolean converged, double lowerBoundPerRow,
    int fittedRows) {}
