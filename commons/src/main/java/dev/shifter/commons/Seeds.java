package dev.shifter.commons;

/**
 * Derives independent seeds from one user seed (the SplitMix64 finaliser): the CTGAN's columns, row
 * chunks and epochs, the Shifter's steps, evaluations and generation.
 */
public final class Seeds {
  private Seeds() {}

  /**
   * Returns a seed for stream {@code stream} of {@code seed}; different streams give unrelated seeds.
   *
   * @param seed the parent seed
   * @param stream the stream number, e.g. a column or chunk index
   * @return the derived seed
   */
  public static long derive(long seed, long stream) {
    long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Folds a 64-bit seed into the 32 bits that {@code Engine.setRandomSeed} takes.
   *
   * @param seed the seed
   * @return its two halves xor-ed together
   */
  public static int fold(long seed) {
    return (int) (seed ^ (seed >>> 32));
  }
}
