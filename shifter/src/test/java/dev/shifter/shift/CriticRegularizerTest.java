package dev.shifter.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.Regularizer;
import dev.shifter.api.Remedy;
import dev.shifter.api.Remedy.Setting;
import dev.shifter.api.ShiftContext;
import dev.shifter.api.ShifterException;
import dev.shifter.shift.fixtures.CriticMlpAdapter;
import dev.shifter.shift.fixtures.MlpAdapter;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** The critic regularizer ({@code lambda_critic}) on a test generator with a frozen test critic. */
class CriticRegularizerTest {
  private static final MetaFeatureRegistry REGISTRY = MetaFeatureRegistry.loadInstalled();

  private static ShiftContext context(NDManager manager, MlpAdapter generator, CriticMlpAdapter adapter, NDArray z,
      NDArray shifted) {
    NDArray cond = adapter.sampleCondVec(manager, (int) z.getShape().get(0));
    return new ShiftContext(1, manager, adapter, z, shifted, cond, generator.generateDifferentiable(shifted, cond));
  }

  private static float value(Regularizer regularizer, ShiftContext context) {
    return regularizer.compute(context).toFloatArray()[0];
  }

  @Test
  void theTermIsZeroWithoutAShiftAndGrowsAsTheShiftedRowsLookLessReal() {
    try (CriticMlpAdapter adapter = new CriticMlpAdapter(7); NDManager manager = NDManager.newBaseManager()) {
      // 1003 rows: the last 3 rows, after the last whole group of 4, are left out, not refused
      NDArray z = manager.randomNormal(new Shape(1003, MlpAdapter.LATENT));
      Regularizer critic = Regularizers.critic();

      float none = value(critic, context(manager, adapter.generator(), adapter, z, z));
      float small = value(critic, context(manager, adapter.generator(), adapter, z, z.mul(1.5f)));
      float large = value(critic, context(manager, adapter.generator(), adapter, z, z.mul(4f)));

      assertThat(critic.name()).isEqualTo("critic_reg");
      assertThat(none).isZero();
      assertThat(small).isPositive();
      assertThat(large).as("rows from noise far in the tails look less real").isGreaterThan(small);
    }
  }

  @Test
  void theGradientReachesTheShiftedNoiseButNeitherTheCriticNorTheGenerator() {
    try (CriticMlpAdapter adapter = new CriticMlpAdapter(7); NDManager manager = NDManager.newBaseManager()) {
      List<float[]> generatorBefore = adapter.generator().weights();
      List<float[]> criticBefore = adapter.criticWeights();
      NDArray z = manager.randomNormal(new Shape(400, MlpAdapter.LATENT));
      NDArray shifted = z.mul(3f);
      shifted.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray term = Regularizers.critic().compute(context(manager, adapter.generator(), adapter, z, shifted));
        assertThat(term.getFloat()).isPositive();
        collector.backward(term);
      }
      NDArray gradient = shifted.getGradient();
      assertThat(gradient.abs().sum().getFloat()).isPositive();
      assertThat(gradient.isNaN().any().getBoolean()).isFalse();
      assertThat(z.hasGradient()).as("the unshifted side carries no graph").isFalse();
      assertThat(adapter.generator().anyWeightRequiresGradient()).isFalse();
      assertThat(adapter.anyCriticWeightRequiresGradient()).isFalse();
      assertSame(adapter.generator().weights(), generatorBefore);
      assertSame(adapter.criticWeights(), criticBefore);
    }
  }

  @Test
  void aShifterTrainedWithTheCriticTermStillHitsAMeanTargetAndChangesNoFrozenWeight() {
    List<StepReport> reports = new ArrayList<>();
    try (CriticMlpAdapter adapter = new CriticMlpAdapter(7); BufferAllocator allocator = new RootAllocator()) {
      List<float[]> generatorBefore = adapter.generator().weights();
      List<float[]> criticBefore = adapter.criticWeights();
      double light = reachedMeanAge(adapter, allocator, 0.05, reports);
      double heavy = reachedMeanAge(adapter, allocator, 0.5, new ArrayList<>());

      assertThat(light).isCloseTo(52, within(52 * 0.05));
      assertThat(heavy).as("a heavy critic weight holds the mean back, toward the critic's centre of 40")
          .isLessThan(light - 1);
      assertThat(reports.get(0).terms()).containsKeys("meta_loss", "latent_reg", "feature_space_reg", "critic_reg");
      assertThat(reports.get(reports.size() - 1).terms().get("critic_reg"))
          .as("moving the mean of age away from the critic's centre costs realism").isPositive();
      assertSame(adapter.generator().weights(), generatorBefore);
      assertSame(adapter.criticWeights(), criticBefore);
      assertThat(adapter.anyCriticWeightRequiresGradient()).isFalse();
    }
  }

  private static double reachedMeanAge(CriticMlpAdapter adapter, BufferAllocator allocator, double lambdaCritic,
      List<StepReport> reports) {
    ShifterConfig config = ShifterTrainingTest.fastConfig().toBuilder().optLambdaCritic(lambdaCritic).build();
    try (TrainedShifter shifter = ShifterTrainer.builder().setAdapter(adapter)
        .setTargets(Targets.of(TargetEntry.fixed("mean", "age", 52))).optConfig(config).optRegistry(REGISTRY)
        .optListener(reports::add).build().train();
        ShiftedTable shifted = shifter.generate(allocator, 5000, 11)) {
      TargetReport report = shifted.report().get(0);
      assertThat(report.unshifted()).isNotCloseTo(52, within(52 * 0.05));
      return report.reached();
    }
  }

  @Test
  void aGeneratorWithoutACriticIsRefusedBeforeTrainingWithTheFix() {
    Targets target = Targets.of(TargetEntry.fixed("mean", "age", 52));
    try (MlpAdapter adapter = new MlpAdapter(7); NDManager manager = NDManager.newBaseManager()) {
      ShifterTrainer.Builder builder = ShifterTrainer.builder().setAdapter(adapter).setTargets(target)
          .optConfig(ShifterConfig.builder().optLambdaCritic(0.2).build()).optRegistry(REGISTRY);
      assertThatThrownBy(builder::build).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(MlpAdapter.class.getName() + ") has no critic")
          .hasMessageContaining("lambda_critic 0.2")
          .hasMessageContaining("Set lambda_critic to 0").hasMessageNotContaining("--")
          .extracting(e -> ((ShifterException) e).remedies()).asList()
          .containsExactly(Remedy.leaveOut(Setting.CRITIC_WEIGHT));
      assertThatThrownBy(() -> ShifterTrainer.builder().setAdapter(adapter).setTargets(target).optRegistry(REGISTRY)
          .addRegularizer(1.0, Regularizers.critic()).build())
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("has no critic");
      ShifterConfig off = ShifterConfig.builder().optLambdaCritic(0).build();
      assertThat(ShifterTrainer.builder().setAdapter(adapter).setTargets(target).optConfig(off).optRegistry(REGISTRY)
          .build().regularizers()).extracting(WeightedRegularizer::name)
          .containsExactly("latent_reg", "feature_space_reg", "marginal_reg");

      NDArray z = manager.randomNormal(new Shape(40, MlpAdapter.LATENT));
      NDArray cond = adapter.sampleCondVec(manager, 40);
      ShiftContext context = new ShiftContext(1, manager, adapter, z, z, cond, adapter.generateDifferentiable(z, cond));
      assertThatThrownBy(() -> Regularizers.critic().compute(context)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("has no critic");
    }
  }

  private static void assertSame(List<float[]> after, List<float[]> before) {
    assertThat(after).hasSameSizeAs(before);
    for (int i = 0; i < before.size(); i++) {
      assertThat(after.get(i)).containsExactly(before.get(i));
    }
  }
}
