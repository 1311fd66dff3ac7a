/** Benchmark programs: each prints a table of timings. */
@NullMarked
package dev.shifter.bench;

import org.jspecify.annotations.NullMarked;
