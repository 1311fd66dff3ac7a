package dev.shifter.metafeatures.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SmallCorrelationTest {

  @Test
  void gaussianMutualInformationOfANearlyUncorrelatedPairIsLog1pAccurate() {
    int n = 4000;
    Random random = new Random(11);
    double[] a = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = random.nextGaussian();
      b[i] = random.nextGaussian();
    }
    double r = correlation(a, b);
    for (int i = 0; i < n; i++) {
      b[i] -= r * a[i] * Math.sqrt(variance(b) / variance(a)) * 0.999;
    }
    double small = correlation(a, b);
    assertThat(Math.abs(small)).isBetween(1e-6, 1e-3);
    double expected = -0.5 * Math.log1p(-small * small);
    float[] values = new float[2 * n];
    for (int i = 0; i < n; i++) {
      values[2 * i] = (float) a[i];
      values[2 * i + 1] = (float) b[i];
    }

    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.create(values, new Shape(n, 2));
      double got = new GaussianMutualInformation().compute(x).getFloat(0);

      assertThat(got).as("r = %s", small).isCloseTo(expected, within(Math.max(2e-2 * expected, 1e-12)));
      assertThat(got).isPositive();
    }
  }

  private static double correlation(double[] a, double[] b) {
    double ma = mean(a);
    double mb = mean(b);
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }

  private static double variance(double[] v) {
    double m = mean(v);
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return s / v.length;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }
}
