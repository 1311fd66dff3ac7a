package dev.shifter.api;

/**
 * Where a categorical column's one-hot block lies in {@link GeneratorAdapter#generateEncoded}'s rows:
 * its category probabilities are the entries {@code [start, start + width)}.
 *
 * @param column the categorical column
 * @param start the block's first entry
 * @param width the number of categories (a missing value counting as one)
 */
public record EncodedBlock(String column, int start, int width) {}
