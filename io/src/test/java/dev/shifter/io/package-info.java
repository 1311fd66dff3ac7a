/** Tests of table reading and writing. */
@NullMarked
package dev.shifter.io;

import org.jspecify.annotations.NullMarked;
