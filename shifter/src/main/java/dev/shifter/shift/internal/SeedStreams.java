package dev.shifter.shift.internal;

/** The Shifter's seed streams, for {@link dev.shifter.commons.Seeds#derive}: one per use of randomness. */
public final class SeedStreams {
  private SeedStreams() {}

  /** Stream of the calibration batches. */
  public static final long CALIBRATION = -1;
  /** Stream of the networks' initial weights. */
  public static final long INITIALISATION = -2;
  /** Streams of the evaluation batches start here (plus the evaluation's step). */
  public static final long EVALUATION = 1L << 40;
}
