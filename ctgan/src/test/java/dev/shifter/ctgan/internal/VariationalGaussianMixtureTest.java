package dev.shifter.ctgan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.shifter.api.InvalidInputException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VariationalGaussianMixtureTest {
  private static final VariationalGaussianMixture MIXTURE = new VariationalGaussianMixture(MixtureConfig.defaults());

  @Test
  void recoversTheThreeModesOfAKnownMixtureAndPrunesTheRest() {
    for (long seed = 0; seed < 3; seed++) {
      MixtureFit fit = MIXTURE.fit(MixtureSamples.threeModes(5000, 100 + seed), seed);
      GaussianModes modes = fit.modes();
      assertThat(modes.size()).as("surviving components, seed %d", seed).isEqualTo(3);
      assertThat(modes.means()).containsExactly(new double[] {-5.0, 0.0, 6.0}, within(0.15));
      assertThat(modes.stds()).containsExactly(new double[] {1.0, 0.5, 1.5}, within(0.1));
      assertThat(modes.weights()).containsExactly(new double[] {0.5, 0.3, 0.2}, within(0.03));
      assertThat(fit.converged()).isTrue();
      assertThat(fit.fittedRows()).isEqualTo(5000);
    }
  }

  @Test
  void theSameSeedGivesAnIdenticalFit() {
    double[] values = MixtureSamples.threeModes(20_000, 7);
    MixtureFit first = MIXTURE.fit(values, 11);
    MixtureFit second = MIXTURE.fit(values, 11);
    assertThat(second.modes()).isEqualTo(first.modes());
    assertThat(second.iterations()).isEqualTo(first.iterations());
    assertThat(second.lowerBoundPerRow()).isEqualTo(first.lowerBoundPerRow());
  }

  @Test
  void theFitDoesNotChangeTheInput() {
    double[] values = MixtureSamples.threeModes(1000, 3);
    double[] copy = values.clone();
    MIXTURE.fit(values, 1);
    assertThat(values).containsExactly(copy);
  }

  @Test
  void weightsSumToOneAndModesAreOrderedByMean() {
    GaussianModes modes = MIXTURE.fit(MixtureSamples.threeModes(3000, 5), 2).modes();
    assertThat(Arrays.stream(modes.weights()).sum()).isCloseTo(1.0, within(1e-12));
    assertThat(modes.means()).isSorted();
    assertThat(Arrays.stream(modes.weights()).min().orElseThrow()).isGreaterThanOrEqualTo(0.005);
  }

  @Test
  void responsibilitiesSumToOneAndFavourTheNearestMode() {
    GaussianModes modes = MIXTURE.fit(MixtureSamples.threeModes(5000, 9), 4).modes();
    double[] r = modes.responsibilities(new double[] {-5.0, 0.1, 6.5});
    int k = modes.size();
    for (int row = 0; row < 3; row++) {
      double[] block = Arrays.copyOfRange(r, row * k, (row + 1) * k);
      assertThat(Arrays.stream(block).sum()).isCloseTo(1.0, within(1e-12));
      assertThat(block[row]).isGreaterThan(0.99);
    }
  }

  @Test
  void aConstantColumnGetsOneNarrowMode() {
    double[] values = new double[500];
    Arrays.fill(values, 42.0);
    MixtureFit fit = MIXTURE.fit(values, 0);
    assertThat(fit.modes().means()).containsExactly(42.0);
    assertThat(fit.modes().weights()).containsExactly(1.0);
    assertThat(fit.modes().stds()[0]).isPositive().isLessThan(1e-3);
  }

  @Test
  void aLongColumnIsFittedOnASubsample() {
    MixtureConfig d = MixtureConfig.defaults();
    MixtureConfig small = new MixtureConfig(d.maxComponents(), d.weightConcentration(), d.meanPrecision(),
        d.degreesOfFreedom(), d.tolerance(), d.maxIterations(), d.pruneBelow(), 4000, true, d.spikeShare());
    MixtureFit fit = new VariationalGaussianMixture(small).fit(MixtureSamples.threeModes(30_000, 8), 3);
    assertThat(fit.fittedRows()).isEqualTo(4000);
    assertThat(fit.modes().means()).containsExactly(new double[] {-5.0, 0.0, 6.0}, within(0.2));
  }

  @Test
  void aColumnWithTwoValuesGetsTwoModesWithoutSpikes() {
    double[] values = new double[1000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 4 == 0 ? 10.0 : 0.0;
    }
    GaussianModes modes = new VariationalGaussianMixture(withSpikeShare(0.0)).fit(values, 5).modes();
    // The Normal prior (beta0 = 1) shrinks each mean towards the column mean by about 1 / (N_k + 1).
    assertThat(modes.means()).containsExactly(new double[] {0.0, 10.0}, within(0.05));
    assertThat(modes.weights()).containsExactly(new double[] {0.75, 0.25}, within(0.01));
  }

  @Test
  void aValueThatHoldsMostRowsGetsAComponentOfItsOwnAsNarrowAsTheData() {
    // Like Adult's capital-gain: 90 % zeros, the rest spread over 100..20,000
    double[] values = zerosAndTail(20_000, 0.9, 17);
    GaussianModes modes = MIXTURE.fit(values, 3).modes();
    assertThat(modes.means()[0]).isEqualTo(0.0);
    assertThat(modes.stds()[0]).isLessThanOrEqualTo(1e-6);
    assertThat(modes.weights()[0]).isCloseTo(0.9, within(0.01));
    assertThat(modes.size()).isBetween(2, 10);
    assertThat(Arrays.stream(modes.means()).skip(1).min().orElseThrow()).isGreaterThan(100.0);
    assertThat(Arrays.stream(modes.weights()).sum()).isCloseTo(1.0, within(1e-9));
    double[] responsibility = new double[modes.size()];
    modes.responsibilities(0.0, responsibility);
    assertThat(responsibility[0]).isCloseTo(1.0, within(1e-9));
    modes.responsibilities(150.0, responsibility);
    assertThat(responsibility[0]).isEqualTo(0.0);
  }

  @Test
  void withoutSpikesThePointMassGetsThePriorsWidth() {
    double[] values = zerosAndTail(20_000, 0.9, 17);
    GaussianModes modes = new VariationalGaussianMixture(withSpikeShare(0.0)).fit(values, 3).modes();
    // about sd / sqrt(N) with the column's sd near 2,000 and N = 18,000 rows at zero: far wider than the data
    assertThat(modes.stds()[0]).isGreaterThan(5.0);
  }

  @Test
  void aColumnOfFewValuesIsAllSpikes() {
    double[] values = new double[1000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 10 < 6 ? 1.0 : i % 10 < 9 ? 2.0 : 5.0;
    }
    GaussianModes modes = MIXTURE.fit(values, 2).modes();
    assertThat(modes.means()).containsExactly(1.0, 2.0, 5.0);
    assertThat(modes.weights()).containsExactly(new double[] {0.6, 0.3, 0.1}, within(1e-12));
  }

  private static MixtureConfig withSpikeShare(double share) {
    MixtureConfig d = MixtureConfig.defaults();
    return new MixtureConfig(d.maxComponents(), d.weightConcentration(), d.meanPrecision(), d.degreesOfFreedom(),
        d.tolerance(), d.maxIterations(), d.pruneBelow(), d.maxFitRows(), d.mergeMoves(), share);
  }

  private static double[] zerosAndTail(int n, double zeroShare, long seed) {
    Random random = new Random(seed);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextDouble() < zeroShare ? 0.0 : Math.rint(100.0 * Math.exp(random.nextDouble() * 5.3));
    }
    return values;
  }

  @Test
  void nonFiniteValuesAreRefusedWithAFix() {
    assertThatThrownBy(() -> MIXTURE.fit(new double[] {1.0, Double.NaN}, 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("missing values");
    assertThatThrownBy(() -> MIXTURE.fit(new double[0], 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("no values");
  }

  @Test
  void outOfRangeSettingsAreRefused() {
    assertThatThrownBy(() -> new MixtureConfig(10, 0.0, 1, 1, 1e-3, 100, 0.005, 50_000, true, 0.05))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("weightConcentration");
    assertThatThrownBy(() -> new MixtureConfig(10, 1e-3, 1, 1, 1e-3, 100, 0.005, 50_000, true, 1.5))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("spikeShare");
  }
}
