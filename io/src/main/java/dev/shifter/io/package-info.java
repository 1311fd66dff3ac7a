/**
 * Reading and writing {@link dev.shifter.api.Table}s: CSV (with column-kind inference) and Arrow IPC
 * files ({@code .arrow}, {@code .feather}, {@code .ipc}). Start with {@link dev.shifter.io.Tables}.
 */
@NullMarked
package dev.shifter.io;

import org.jspecify.annotations.NullMarked;
