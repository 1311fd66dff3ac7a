/**
 * The CTGAN's public value types: its settings ({@link dev.shifter.ctgan.types.CtganConfig}) and the
 * per-epoch losses ({@link dev.shifter.ctgan.types.EpochLoss}). A leaf package, so that both the public
 * classes of {@code dev.shifter.ctgan} and its internals use the same records instead of copies.
 */
@NullMarked
package dev.shifter.ctgan.types;

import org.jspecify.annotations.NullMarked;
