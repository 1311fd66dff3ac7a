package dev.shifter.ctgan.internal;

/** The output activation the generator applies to one span of the encoded row. */
public enum Activation {
  /** A scalar in [-1, 1]: the normalised value of a continuous column within its mode. */
  TANH,
  /** A one-hot block: a continuous column's mode (plus "missing"), or a categorical column's category. */
  SOFTMAX
}
