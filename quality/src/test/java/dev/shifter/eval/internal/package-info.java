/** Tests of the quality evaluation's statistics, splits and classifiers. */
@NullMarked
package dev.shifter.eval.internal;

import org.jspecify.annotations.NullMarked;
