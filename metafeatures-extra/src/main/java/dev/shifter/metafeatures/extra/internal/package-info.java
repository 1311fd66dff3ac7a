/**
 * Implementation helpers of the extra meta-features: input checks and scoped native memory, quantiles
 * of sorted columns, smooth-step helpers and a small symmetric eigen solver. Not part of the API.
 */
@NullMarked
package dev.shifter.metafeatures.extra.internal;

import org.jspecify.annotations.NullMarked;
