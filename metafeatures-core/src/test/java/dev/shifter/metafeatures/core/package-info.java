/** Tests of the built-in meta-features: reference values, closed forms, gradients, degenerate input. */
@NullMarked
package dev.shifter.metafeatures.core;

import org.jspecify.annotations.NullMarked;
