/**
 * Shifter's public contract: the meta-feature SPI, the generator adapter, tables and exceptions.
 *
 * <p>This package depends only on DJL's engine-neutral API, Arrow's vectors and JSpecify.
 */
@NullMarked
package dev.shifter.api;

import org.jspecify.annotations.NullMarked;
