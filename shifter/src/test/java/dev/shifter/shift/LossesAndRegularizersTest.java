package dev.shifter.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.shifter.api.MetaLoss;
import dev.shifter.api.Regularizer;
import dev.shifter.api.ShiftContext;
import dev.shifter.api.TargetValue;
import dev.shifter.shift.fixtures.MlpAdapter;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossesAndRegularizersTest {

  private static float loss(MetaLoss loss, float[] predicted, float[] target, float[] scale) {
    try (NDManager manager = NDManager.newBaseManager()) {
      return loss.loss(manager.create(predicted), manager.create(target), manager.create(scale)).toFloatArray()[0];
    }
  }

  @Test
  void mseComparesEntriesInUnitsOfTheirScale() {
    float value = loss(MetaLosses.mse(), new float[] {1100, 0.5f}, new float[] {1000, 0.4f}, new float[] {100, 0.1f});

    assertThat(value).isCloseTo(1f, within(1e-5f));
  }

  @Test
  void huberIsQuadraticNearTheTargetAndLinearFarFromIt() {
    float near = loss(MetaLosses.huber(), new float[] {0.5f}, new float[] {0}, new float[] {1});
    float far = loss(MetaLosses.huber(), new float[] {3}, new float[] {0}, new float[] {1});

    assertThat(near).isCloseTo(0.125f, within(1e-6f));
    assertThat(far).isCloseTo(2.5f, within(1e-6f));
  }

  @Test
  void theRelativeLossWeighsEntriesByTheirRelativeError() {
    float value = loss(MetaLosses.relative(), new float[] {110, 1.1f}, new float[] {100, 1}, new float[] {0, 0});

    assertThat(value).isCloseTo(0.01f, within(1e-6f));
  }

  @Test
  void theBuiltInRegularizersMeasureTheShift() {
    try (MlpAdapter adapter = new MlpAdapter(1); NDManager manager = NDManager.newBaseManager()) {
      NDArray z = manager.randomNormal(new Shape(400, MlpAdapter.LATENT));
      NDArray cond = adapter.sampleCondVec(manager, 400);
      NDArray shifted = z.add(0.5f);
      ShiftContext context = new ShiftContext(1, manager, adapter, z, shifted, cond,
          adapter.generateDifferentiable(shifted, cond));
      ShiftContext unshifted = new ShiftContext(1, manager, adapter, z, z, cond,
          adapter.generateDifferentiable(z, cond));

      assertThat(value(Regularizers.latentMeanSquare(), context)).isCloseTo(0.25f, within(1e-5f));
      assertThat(value(Regularizers.latentMoments(), context)).isCloseTo(0.25f, within(0.1f));
      assertThat(value(Regularizers.featureSpace(), context)).isGreaterThan(0.01f);
      assertThat(value(Regularizers.featureSpace(), unshifted)).isCloseTo(0f, within(1e-10f));
      assertThat(value(Regularizers.latentMeanSquare(), unshifted)).isZero();
      assertThat(Regularizers.latentMoments().name()).isEqualTo("latent_reg");
      assertThat(Regularizers.featureSpace().name()).isEqualTo("feature_space_reg");
    }
  }

  @Test
  void theMmdOfTheShiftedNoiseIsZeroWithoutAShiftAndGrowsWithIt() {
    try (MlpAdapter adapter = new MlpAdapter(1); NDManager manager = NDManager.newBaseManager()) {
      NDArray z = manager.randomNormal(new Shape(400, MlpAdapter.LATENT));
      NDArray cond = adapter.sampleCondVec(manager, 400);

      float none = value(Regularizers.latentMmd(), context(adapter, manager, z, z, cond, List.of()));
      float small = value(Regularizers.latentMmd(), context(adapter, manager, z, z.add(0.2f), cond, List.of()));
      float large = value(Regularizers.latentMmd(), context(adapter, manager, z, z.add(1f), cond, List.of()));
      float scaled = value(Regularizers.latentMmd(), context(adapter, manager, z, z.mul(2f), cond, List.of()));

      assertThat(none).isCloseTo(0f, within(1e-6f));
      assertThat(small).isPositive().isLessThan(large);
      assertThat(scaled).as("a wider spread is a different distribution too").isGreaterThan(small);
    }
  }

  @Test
  void theMarginalRegularizerMeasuresOnlyTheColumnsNoTargetNamesAndHasAGradient() {
    try (MlpAdapter adapter = new MlpAdapter(1); NDManager manager = NDManager.newBaseManager()) {
      NDArray z = manager.randomNormal(new Shape(400, MlpAdapter.LATENT));
      NDArray cond = adapter.sampleCondVec(manager, 400);
      NDArray shifted = z.add(0.5f);
      shifted.setRequiresGradient(true);

      float none = value(Regularizers.marginals(), context(adapter, manager, z, z, cond, List.of()));
      float allTargeted = value(Regularizers.marginals(), context(adapter, manager, z, shifted, cond,
          adapter.continuousColumns()));
      float moved;
      NDArray gradient;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray loss = Regularizers.marginals().compute(context(adapter, manager, z, shifted, cond, List.of("age")));
        moved = loss.toFloatArray()[0];
        collector.backward(loss);
      }
      gradient = shifted.getGradient();

      assertThat(none).isCloseTo(0f, within(1e-6f));
      assertThat(allTargeted).isCloseTo(0f, within(1e-6f));
      assertThat(moved).isPositive();
      assertThat(gradient.abs().sum().getFloat()).isPositive();
      assertThat(gradient.isNaN().any().getBoolean()).isFalse();
    }
  }

  @Test
  void theTiltRegularizerIsZeroAtTheBatchsOwnValueAndPositiveWithAGradientWhenTheTargetAsksForOtherRows() {
    try (MlpAdapter adapter = new MlpAdapter(1); NDManager manager = NDManager.newBaseManager()) {
      NDArray z = manager.randomNormal(new Shape(400, MlpAdapter.LATENT));
      NDArray cond = adapter.sampleCondVec(manager, 400);
      NDArray age = adapter.generateDifferentiable(z, cond).get(":, 0");
      double own = age.mean().getFloat();
      double sd = age.sub(age.mean()).square().mean().sqrt().getFloat();
      NDArray shifted = z.duplicate();
      shifted.setRequiresGradient(true);

      float atOwnValue = value(Regularizers.tilt(), tiltContext(adapter, manager, z, z, cond, "mean", own));
      float unsupported = value(Regularizers.tilt(), tiltContext(adapter, manager, z, z, cond, "made_up", own + sd));
      float asksForMore;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray loss = Regularizers.tilt().compute(tiltContext(adapter, manager, z, shifted, cond, "mean",
            own + 0.3 * sd));
        asksForMore = loss.toFloatArray()[0];
        collector.backward(loss);
      }
      NDArray gradient = shifted.getGradient();

      assertThat(atOwnValue).as("uniform weights: the unshifted rows are the tilted rows").isCloseTo(0f, within(1e-4f));
      assertThat(unsupported).isZero();
      assertThat(asksForMore).isGreaterThan(10 * Math.max(atOwnValue, 1e-6f));
      assertThat(gradient.abs().sum().getFloat()).isPositive();
      assertThat(gradient.isNaN().any().getBoolean()).isFalse();
    }
  }

  private static ShiftContext tiltContext(MlpAdapter adapter, NDManager manager, NDArray z, NDArray shifted,
      NDArray cond, String feature, double value) {
    return new ShiftContext(1, manager, adapter, z, shifted, cond, adapter.generateDifferentiable(shifted, cond),
        List.of("age"), List.of(new TargetValue(feature, "age", value)));
  }

  private static ShiftContext context(MlpAdapter adapter, NDManager manager, NDArray z, NDArray shifted, NDArray cond,
      List<String> targeted) {
    return new ShiftContext(1, manager, adapter, z, shifted, cond, adapter.generateDifferentiable(shifted, cond),
        targeted);
  }

  @Test
  void aRegularizerFromALambdaKeepsItsName() {
    Regularizer named = Regularizer.of("smoothness", context -> context.shiftedZ().mean());

    assertThat(named.name()).isEqualTo("smoothness");
  }

  private static float value(Regularizer regularizer, ShiftContext context) {
    return regularizer.compute(context).toFloatArray()[0];
  }
}
