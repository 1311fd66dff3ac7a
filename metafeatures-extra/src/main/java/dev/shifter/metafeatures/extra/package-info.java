/**
 * Extra meta-features for Shifter, following pymfe's definitions: {@code range}, {@code min}, {@code max},
 * {@code t_mean}, {@code mad}, {@code g_mean}, {@code h_mean}, {@code eigenvalues}, {@code nr_cor_attr},
 * {@code nr_outliers} and {@code sparsity}.
 *
 * <p>This is a drop-in plug-in jar: {@link dev.shifter.metafeatures.extra.ExtraMetaFeatureProvider} is
 * registered for {@link java.util.ServiceLoader}, so putting the jar in the CLI's plug-in directory is all
 * it takes. Every feature is written with batched NDArray operations (no loop over columns or pairs), is
 * differentiable, and works for float32 and float64 input. Where pymfe's definition is a count or a
 * threshold, the feature computes a smooth version whose temperature is a constructor argument; its
 * Javadoc says how close it stays to the exact value at the default temperature.
 */
@NullMarked
package dev.shifter.metafeatures.extra;

import org.jspecify.annotations.NullMarked;
