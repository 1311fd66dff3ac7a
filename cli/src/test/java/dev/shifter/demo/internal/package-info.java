/** Tests of the demo pipeline's helpers. */
@NullMarked
package dev.shifter.demo.internal;

import org.jspecify.annotations.NullMarked;
