/** Tests of the Shifter library. */
@NullMarked
package dev.shifter.shift;

import org.jspecify.annotations.NullMarked;
