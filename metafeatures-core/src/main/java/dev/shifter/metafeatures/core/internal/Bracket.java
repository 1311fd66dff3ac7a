package dev.shifter.metafeatures.core.internal;

import ai.djl.ndarray.NDArray;

/**
 * The two order statistics of every column that a quantile interpolates between, see
 * {@link QuantilePosition}: {@code lower = s[lo]} and {@code upper = s[hi]}.
 *
 * @param lower the {@code lo}-th smallest value of each column, a vector of length {@code d}
 * @param upper the {@code hi}-th smallest value of each column; the same array as {@code lower} when the
 *     interpolation weight is 0
 */
public record Bracket(NDArray lower, NDArray upper) {}
