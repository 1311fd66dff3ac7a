/**
 * Numerical building blocks shared by the core meta-features. {@link
 * dev.shifter.metafeatures.core.internal.ColumnStatistics} is the entry point: it checks the input and
 * chooses, per input, between the fast moments ({@code CentredPowerSums}: centred at the float mean,
 * exact correction for its rounding) and the safe ones ({@code RescaledColumns}: shifted, rescaled,
 * centred twice), and selects order statistics in {@code O(n)} ({@code OrderStatistics}). Not part of
 * the public API.
 */
@NullMarked
package dev.shifter.metafeatures.core.internal;

import org.jspecify.annotations.NullMarked;
