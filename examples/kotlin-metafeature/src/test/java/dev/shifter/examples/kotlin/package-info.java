/** Tests that load the Kotlin plug-in the way a user would. */
@NullMarked
package dev.shifter.examples.kotlin;

import org.jspecify.annotations.NullMarked;
