/** Tests of the sweep: its grid, its manifest and a whole small sweep. */
@NullMarked
package dev.shifter.sweep;

import org.jspecify.annotations.NullMarked;
