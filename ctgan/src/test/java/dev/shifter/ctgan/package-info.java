/** Tests of the public CTGAN API: fit, sample, save, load, resume and the generator adapter. */
@NullMarked
package dev.shifter.ctgan;

import org.jspecify.annotations.NullMarked;
