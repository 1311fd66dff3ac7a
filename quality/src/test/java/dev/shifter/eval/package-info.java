/** Tests of the quality evaluation. */
@NullMarked
package dev.shifter.eval;

import org.jspecify.annotations.NullMarked;
