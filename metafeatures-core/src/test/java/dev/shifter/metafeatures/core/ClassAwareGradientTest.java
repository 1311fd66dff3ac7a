package dev.shifter.metafeatures.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.shifter.api.CategoricalBlock;
import dev.shifter.api.MetaFeature;
import dev.shifter.api.TableView;
import dev.shifter.metafeatures.core.internal.EqualFrequencyBins;
import dev.shifter.metafeatures.core.internal.InfoTheory;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Finite differences in float64 against autograd for the class-aware features: directly where the reported
 * value is a smooth function of the continuous columns or the one-hots (f1, gravity, f2, freq), and on the
 * relaxations that carry the gradient of the information-theory features (soft one-hots, soft bins).
 */
class ClassAwareGradientTest {
  private static final double STEP = 1e-6;
  private static final double TOLERANCE = 1e-6;
  private static final int ROWS = 12;
  private static final List<String> COLUMNS = List.of("a", "b");
  private static final int[] CLASSES = {0, 1, 2, 0, 1, 2, 0, 0, 1, 2, 1, 0};

  @Test
  void fisherRatioGravityAndOverlapFollowTheirFiniteDifferences() {
    double[] x = new Random(3).doubles(ROWS * 2, -2, 2).toArray();
    for (MetaFeature feature : List.of(new FisherRatio(), new Gravity(), new OverlapVolume())) {
      assertThat(maxError(v -> feature.compute(viewWithLabel(v)), x, new Shape(ROWS, 2)))
          .as(feature.name()).isLessThan(TOLERANCE);
    }
  }

  @Test
  void categoryShareFollowsItsFiniteDifferencesThroughASoftBlock() {
    double[] logits = new Random(4).doubles(ROWS * 3, -1, 1).toArray();
    Function<NDArray, NDArray> shares = v -> new Freq().compute(new TableView(
        v.getManager().zeros(new Shape(ROWS, 0), DataType.FLOAT64), List.of(),
        List.of(new CategoricalBlock("c", List.of("p", "q", "r"), softmax(v))), null, List.of("c")));

    assertThat(maxError(shares, logits, new Shape(ROWS, 3))).isLessThan(TOLERANCE);
  }

  @Test
  void entropyJointEntropyAndConcentrationFollowTheirFiniteDifferencesOnSoftOneHots() {
    double[] logits = new Random(5).doubles(ROWS * 5, -1, 1).toArray();
    Shape shape = new Shape(ROWS, 5);
    Function<NDArray, NDArray> left = v -> softmax(v.get(":, 0:2"));
    Function<NDArray, NDArray> right = v -> softmax(v.get(":, 2:5"));

    assertThat(maxError(v -> InfoTheory.entropy(right.apply(v)), logits, shape)).isLessThan(TOLERANCE);
    assertThat(maxError(v -> InfoTheory.jointEntropy(InfoTheory.joint(left.apply(v), right.apply(v))), logits,
        shape)).isLessThan(TOLERANCE);
    assertThat(maxError(v -> InfoTheory.concentration(InfoTheory.joint(left.apply(v), right.apply(v))), logits,
        shape)).isLessThan(TOLERANCE);
    assertThat(maxError(v -> InfoTheory.concentration(InfoTheory.joint(right.apply(v), left.apply(v))), logits,
        shape)).isLessThan(TOLERANCE);
  }

  @Test
  void theBinsAreHardForwardAndCarryTheSoftAssignmentsGradient() {
    double[] column = new Random(6).doubles(64, 0, 10).toArray();
    EqualFrequencyBins bins = EqualFrequencyBins.of(column);
    assertThat(bins.size()).as("int(64^(1/3)) is 3 in floating point, as in pymfe").isEqualTo(3);

    assertThat(maxError(bins::soft, column, new Shape(64, 1))).isLessThan(TOLERANCE);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.create(column, new Shape(64, 1));
      NDArray relaxed = bins.relaxed(x);
      double[] hard = relaxed.toDoubleArray();
      for (int r = 0; r < 64; r++) {
        for (int k = 0; k < bins.size(); k++) {
          assertThat(hard[r * bins.size() + k]).isEqualTo(bins.codes()[r] == k ? 1.0 : 0.0);
        }
      }
      double[] weights = new Random(8).doubles(64 * bins.size(), 0.5, 1.5).toArray();
      assertThat(autograd(bins::relaxed, column, new Shape(64, 1), weights))
          .containsExactly(autograd(bins::soft, column, new Shape(64, 1), weights), within(1e-12));
    }
  }

  /**
   * A straight-through estimator is the gradient of no function, so finite differences check its soft part
   * (above and here, the soft composite) and autograd checks the wiring: the feature's gradient is that of the
   * same expression over the straight-through bins.
   */
  @Test
  void mutualInformationOfANumericColumnCarriesTheStraightThroughGradientOfItsBins() {
    double[] column = new Random(9).doubles(ROWS, 0, 10).toArray();
    double[] weights = {1.0};
    EqualFrequencyBins bins = EqualFrequencyBins.of(column);
    Function<NDArray, NDArray> softPath = v -> information(bins.soft(v), labelOneHot(v.getManager()));
    Function<NDArray, NDArray> relaxedPath = v -> information(bins.relaxed(v), labelOneHot(v.getManager()));
    Function<NDArray, NDArray> feature = v -> new MutualInformation().compute(new TableView(v, List.of("a"),
        List.of(), new CategoricalBlock("y", List.of("0", "1", "2"), labelOneHot(v.getManager())), List.of("a")));

    assertThat(autograd(feature, column, new Shape(ROWS, 1), weights))
        .containsExactly(autograd(relaxedPath, column, new Shape(ROWS, 1), weights), within(1e-9));
    assertThat(Arrays.stream(autograd(feature, column, new Shape(ROWS, 1), weights)).anyMatch(g -> g != 0)).isTrue();
    assertThat(maxError(softPath, column, new Shape(ROWS, 1))).isLessThan(TOLERANCE);
  }

  private static NDArray information(NDArray bins, NDArray label) {
    return InfoTheory.entropy(bins).add(InfoTheory.entropy(label))
        .sub(InfoTheory.jointEntropy(InfoTheory.joint(label, bins)));
  }

  private static TableView viewWithLabel(NDArray x) {
    return new TableView(x, COLUMNS, List.of(),
        new CategoricalBlock("y", List.of("0", "1", "2"), labelOneHot(x.getManager())), COLUMNS);
  }

  private static NDArray labelOneHot(NDManager manager) {
    double[] values = new double[ROWS * 3];
    for (int r = 0; r < ROWS; r++) {
      values[r * 3 + CLASSES[r]] = 1;
    }
    return manager.create(values, new Shape(ROWS, 3));
  }

  private static NDArray softmax(NDArray logits) {
    NDArray e = logits.exp();
    return e.div(e.sum(new int[] {1}, true));
  }

  private static double[] autograd(Function<NDArray, NDArray> f, double[] values, Shape shape, double[] weights) {
    try (NDManager manager = NDManager.newBaseManager();
        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray x = manager.create(values, shape);
      x.setRequiresGradient(true);
      NDArray out = f.apply(x);
      NDArray w = manager.create(Arrays.copyOf(weights, Math.toIntExact(out.size())));
      if (weights.length < out.size()) {
        w = manager.ones(out.getShape(), DataType.FLOAT64);
      }
      collector.backward(out.mul(w.reshape(out.getShape())).sum());
      return x.getGradient().toDoubleArray();
    }
  }

  /** The largest difference between autograd and central differences of {@code sum(w * f(x))}. */
  private static double maxError(Function<NDArray, NDArray> f, double[] values, Shape shape) {
    double[] analytic;
    double[] weights;
    try (NDManager manager = NDManager.newBaseManager()) {
      long outputs = f.apply(manager.create(values, shape)).size();
      weights = new Random(7).doubles(outputs, 0.5, 1.5).toArray();
    }
    analytic = autograd(f, values, shape, weights);
    double worst = 0;
    for (int i = 0; i < values.length; i++) {
      double[] plus = values.clone();
      double[] minus = values.clone();
      plus[i] += STEP;
      minus[i] -= STEP;
      double numeric = (objective(f, plus, shape, weights) - objective(f, minus, shape, weights)) / (2 * STEP);
      worst = Math.max(worst, Math.abs(analytic[i] - numeric) / Math.max(1.0, Math.abs(numeric)));
    }
    return worst;
  }

  private static double objective(Function<NDArray, NDArray> f, double[] values, Shape shape, double[] weights) {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray out = f.apply(manager.create(values, shape));
      return out.mul(manager.create(weights).reshape(out.getShape())).sum().getDouble();
    }
  }
}
