/**
 * Shifter on Apache Spark: {@link dev.shifter.spark.ShifterSpark#generate generation} inside the executors and
 * {@link dev.shifter.spark.ShifterSpark#metaFeatures meta-features} of a distributed table, and the
 * {@code spark-submit} entry point {@link dev.shifter.spark.Main}.
 */
@NullMarked
package dev.shifter.spark;

import org.jspecify.annotations.NullMarked;
