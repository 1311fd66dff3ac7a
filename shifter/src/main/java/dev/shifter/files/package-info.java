/**
 * Atomic file writes shared by the table I/O, the report and the demo: readers see the old file or
 * the complete new one, never a partial write.
 */
@NullMarked
package dev.shifter.files;

import org.jspecify.annotations.NullMarked;
