/** The demo pipeline's helpers: column statistics, the data's target values, the output folder. */
@NullMarked
package dev.shifter.demo.internal;

import org.jspecify.annotations.NullMarked;
