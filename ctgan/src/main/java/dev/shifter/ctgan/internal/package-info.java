/** CTGAN internals: the mode-specific transformer, the conditional sampler, the networks and training. */
@NullMarked
package dev.shifter.ctgan.internal;

import org.jspecify.annotations.NullMarked;
