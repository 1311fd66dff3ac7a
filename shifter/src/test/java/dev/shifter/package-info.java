/** Module-wide tests of the trainer and CLI module. */
@NullMarked
package dev.shifter;

import org.jspecify.annotations.NullMarked;
