/** Implementation of table I/O; not part of the public contract. */
@NullMarked
package dev.shifter.io.internal;

import org.jspecify.annotations.NullMarked;
