/** The README's quick start in Java: fit a CTGAN, train a Shifter, generate a shifted table. */
@NullMarked
package dev.shifter.examples.quickstart;

import org.jspecify.annotations.NullMarked;
