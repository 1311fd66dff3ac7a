/**
 * Numerical building blocks shared by the core meta-features: the centred and rescaled columns, the
 * order statistics for quantiles and the upper-triangle gather for pairs. Not part of the public API.
 */
@NullMarked
package dev.shifter.metafeatures.core.internal;

import org.jspecify.annotations.NullMarked;
