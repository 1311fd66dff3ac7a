package dev.shifter.shift.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EntropyBalancingTest {
  private static double[] normal(int n, long seed) {
    Random random = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextGaussian();
    }
    return x;
  }

  private static double weightedMean(double[] w, double[] x) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += w[i] * x[i];
    }
    return sum;
  }

  @Test
  void tiltingAGaussianPoolToAnotherMeanGivesTheExponentialTiltOfTheGaussian() {
    double[] x = normal(200_000, 1);

    EntropyBalancing.Solution solution = EntropyBalancing.solve(new double[][] {x}, new double[] {0.5});

    assertThat(solution.converged()).isTrue();
    assertThat(weightedMean(solution.weights(), x)).isCloseTo(0.5, within(1e-8));
    double variance = 0;
    for (int i = 0; i < x.length; i++) {
      variance += solution.weights()[i] * (x[i] - 0.5) * (x[i] - 0.5);
    }
    assertThat(variance).as("the tilt of N(0, 1) to mean 0.5 is N(0.5, 1)").isCloseTo(1.0, within(0.02));
    assertThat(solution.effectiveSampleSize() / x.length).as("1 / E[w^2] = exp(-0.25)")
        .isCloseTo(Math.exp(-0.25), within(0.01));
  }

  @Test
  void conditionsAlreadyMetLeaveTheWeightsUniform() {
    double[] x = normal(1000, 2);
    double mean = 0;
    for (double v : x) {
      mean += v / x.length;
    }

    EntropyBalancing.Solution solution = EntropyBalancing.solve(new double[][] {x}, new double[] {mean});

    assertThat(solution.iterations()).isZero();
    assertThat(solution.effectiveSampleSize()).isCloseTo(1000, within(1e-6));
  }

  @Test
  void aConditionOutsideThePoolsHullIsReportedAsNotMet() {
    double[] x = normal(5000, 3);

    EntropyBalancing.Solution solution = EntropyBalancing.solve(new double[][] {x}, new double[] {20});

    assertThat(solution.converged()).isFalse();
    assertThat(solution.residual()).isPositive();
  }

  @Test
  void momentConditionsForSdSkewnessAndCorrelationAreMetByTheWeights() {
    int n = 100_000;
    double[] a = normal(n, 4);
    double[] noise = normal(n, 5);
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      b[i] = 0.3 * a[i] + noise[i];
    }
    List<TargetSpec> targets = List.of(new TargetSpec("sd", "a", 1.2, 1.2), new TargetSpec("skewness", "a", 0.3, 0.3),
        new TargetSpec("cor", "a~b", 0.5, 0.5), new TargetSpec("median", "b", 0.2, 0.2));

    MomentConditions.Built built = MomentConditions.of(targets, List.of("a", "b"), new double[][] {a, b}, 5000);
    EntropyBalancing.Solution solution = EntropyBalancing.solve(built.phi(), built.values());

    assertThat(solution.converged()).as("%s", built.names()).isTrue();
    double[] w = solution.weights();
    double ma = weightedMean(w, a);
    double mb = weightedMean(w, b);
    double va = 0;
    double vb = 0;
    double m3 = 0;
    double cab = 0;
    double below = 0;
    for (int i = 0; i < n; i++) {
      va += w[i] * (a[i] - ma) * (a[i] - ma);
      vb += w[i] * (b[i] - mb) * (b[i] - mb);
      m3 += w[i] * Math.pow(a[i] - ma, 3);
      cab += w[i] * (a[i] - ma) * (b[i] - mb);
      below += b[i] <= 0.2 ? w[i] : 0;
    }
    double sampleSd = Math.sqrt(va * 5000 / 4999.0);
    assertThat(sampleSd).isCloseTo(1.2, within(1e-6));
    assertThat(m3 / Math.pow(sampleSd, 3)).isCloseTo(0.3, within(1e-6));
    assertThat(cab / Math.sqrt(va * vb)).isCloseTo(0.5, within(1e-6));
    assertThat(below).as("weighted share of b at most its target median").isCloseTo(0.5, within(0.01));
  }
}
