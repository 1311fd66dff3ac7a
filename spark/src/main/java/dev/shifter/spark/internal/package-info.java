/**
 * The executor-side work behind {@link dev.shifter.spark.ShifterSpark}: the per-JVM model cache, the
 * partition generator, the row conversions and the per-partition summaries. Not part of the public API.
 */
@NullMarked
package dev.shifter.spark.internal;

import org.jspecify.annotations.NullMarked;
