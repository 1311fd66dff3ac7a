package dev.shifter.ctgan.internal;

/**
 * The log-gamma and digamma functions for positive arguments, as the variational mixture's lower
 * bound and expectations need them. Both shift the argument up with the recurrence
 * {@code f(x) = f(x + 1) - g(x)} until it is large, then use the asymptotic (Stirling) series, which
 * is accurate to a few units in 1e-14 there.
 */
final class SpecialFunctions {
  private static final double LARGE = 10.0;
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2.0 * Math.PI);

  private SpecialFunctions() {}

  /**
   * Returns {@code ln Gamma(x)}.
   *
   * @param x a positive argument
   * @return the logarithm of the gamma function at {@code x}
   */
  static double logGamma(double x) {
    if (!(x > 0.0)) {
      throw new IllegalArgumentException("logGamma needs a positive argument, got " + x);
    }
    double shift = 0.0;
    while (x < LARGE) {
      shift += Math.log(x);
      x += 1.0;
    }
    double inv = 1.0 / x;
    double inv2 = inv * inv;
    double series = inv * (1.0 / 12.0 - inv2 * (1.0 / 360.0 - inv2 * (1.0 / 1260.0 - inv2 * (1.0 / 1680.0
        - inv2 * (1.0 / 1188.0)))));
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series - shift;
  }

  /**
   * Returns the digamma function {@code psi(x) = d/dx ln Gamma(x)}.
   *
   * @param x a positive argument
   * @return psi at {@code x}
   */
  static double digamma(double x) {
    if (!(x > 0.0)) {
      throw new IllegalArgumentException("digamma needs a positive argument, got " + x);
    }
    double shift = 0.0;
    while (x < LARGE) {
      shift += 1.0 / x;
      x += 1.0;
    }
    double inv = 1.0 / x;
    double inv2 = inv * inv;
    double series = inv2 * (1.0 / 12.0 - inv2 * (1.0 / 120.0 - inv2 * (1.0 / 252.0 - inv2 * (1.0 / 240.0
        - inv2 * (1.0 / 132.0)))));
    return Math.log(x) - 0.5 * inv - series - shift;
  }
}
