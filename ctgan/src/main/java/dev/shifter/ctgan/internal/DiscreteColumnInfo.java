package dev.shifter.ctgan.internal;

/**
 * A categorical column as the conditional vector and the sampler see it.
 *
 * @param name the column's name
 * @param dataOffset where its one-hot block starts in the encoded row
 * @param condOffset where its one-hot block starts in the conditional vector
 * @param categories the number of categories (a missing value counts as its own category)
 */
public record DiscreteColumnInfo(String name, int dataOffset, int condOffset, int categories) {}
