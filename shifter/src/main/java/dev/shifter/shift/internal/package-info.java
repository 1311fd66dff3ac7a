/** Implementation of the Shifter: networks, training loop, calibration, files. Not a public API. */
@NullMarked
package dev.shifter.shift.internal;

import org.jspecify.annotations.NullMarked;
