/**
 * Shifter's built-in meta-features, contributed by {@link dev.shifter.metafeatures.core.CoreMetaFeatureProvider}
 * (id {@code "core"}): {@code mean}, {@code median}, {@code iq_range}, {@code sd}, {@code var},
 * {@code skewness}, {@code kurtosis}, {@code cor}, {@code cov} and {@code gaussian_mi}, with pymfe's
 * definitions.
 *
 * <p>Every feature is a handful of NDArray operations batched over all columns (and all pairs of
 * columns), differentiable, and works for float32 input (the normal case) as well as float64 input
 * (used by gradient checks). Degenerate input gives finite values and finite gradients, never NaN;
 * each feature's Javadoc says what it returns for a constant column, a single row, two rows and values
 * so large that their squares overflow float32.
 */
@NullMarked
package dev.shifter.metafeatures.core;

import org.jspecify.annotations.NullMarked;
