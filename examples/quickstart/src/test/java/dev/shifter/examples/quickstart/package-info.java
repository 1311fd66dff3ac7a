/** Tests that run the README's quick start in Java and Kotlin. */
@NullMarked
package dev.shifter.examples.quickstart;

import org.jspecify.annotations.NullMarked;
