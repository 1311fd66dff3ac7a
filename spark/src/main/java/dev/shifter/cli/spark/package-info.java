/**
 * The {@code spark-submit} entry point of Shifter on Spark: {@code generate} writes a distributed table,
 * {@code metafeatures} measures one. The library is {@code dev.shifter.spark}.
 */
@NullMarked
package dev.shifter.cli.spark;

import org.jspecify.annotations.NullMarked;
