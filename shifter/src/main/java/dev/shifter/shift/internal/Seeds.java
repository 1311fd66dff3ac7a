package dev.shifter.shift.internal;

/** Derives independent seeds for training steps, evaluations and generation from one user seed. */
public final class Seeds {
  /** Stream of the calibration batches. */
  public static final long CALIBRATION = -1;
  /** Stream of the networks' initial weights. */
  public static final long INITIALISATION = -2;
  /** Streams of the evaluation batches start here (plus the evaluation's step). */
  public static final long EVALUATION = 1L << 40;

  private Seeds() {}

  /**
   * Returns a seed for stream {@code stream} of {@code seed} (SplitMix64 finaliser).
   *
   * @param seed the parent seed
   * @param stream the stream number
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
