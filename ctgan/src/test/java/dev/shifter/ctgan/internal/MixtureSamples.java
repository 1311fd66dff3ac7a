package dev.shifter.ctgan.internal;

import java.util.SplittableRandom;

/** Draws test columns from known Gaussian mixtures. */
final class MixtureSamples {
  private MixtureSamples() {}

  /**
   * Draws from {@code 0.5 N(-5, 1) + 0.3 N(0, 0.5) + 0.2 N(6, 1.5)}.
   *
   * @param n the number of values
   * @param seed the seed
   * @return the values
   */
  static double[] threeModes(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double u = random.nextDouble();
      double z = gaussian(random);
      x[i] = u < 0.5 ? -5.0 + z : u < 0.8 ? 0.5 * z : 6.0 + 1.5 * z;
    }
    return x;
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
  }
}
