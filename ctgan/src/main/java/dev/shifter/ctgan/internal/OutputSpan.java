package dev.shifter.ctgan.internal;

/**
 * One contiguous block of an encoded row.
 *
 * @param offset the index of the block's first entry in the encoded row
 * @param width the number of entries (1 for TANH)
 * @param activation how the generator's raw output for the block is activated
 */
public record OutputSpan(int offset, int width, Activation activation) {}
