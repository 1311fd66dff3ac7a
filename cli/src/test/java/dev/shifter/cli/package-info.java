/** Tests of the command line. */
@NullMarked
package dev.shifter.cli;

import org.jspecify.annotations.NullMarked;
