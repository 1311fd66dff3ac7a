/** Tests of the demo table, the demo targets and the demo pipeline. */
@NullMarked
package dev.shifter.demo;

import org.jspecify.annotations.NullMarked;
