/** Tests of the CTGAN internals. */
@NullMarked
package dev.shifter.ctgan.internal;

import org.jspecify.annotations.NullMarked;
