package dev.shifter.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.shift.fixtures.MlpAdapter;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ShifterTrainingTest {
  private static final MetaFeatureRegistry REGISTRY = MetaFeatureRegistry.loadInstalled();
  private static MlpAdapter adapter;
  private static BufferAllocator allocator;

  @BeforeAll
  static void open() {
    adapter = new MlpAdapter(7);
    allocator = new RootAllocator();
  }

  @AfterAll
  static void close() {
    adapter.close();
    allocator.close();
  }

  static ShifterConfig fastConfig() {
    return ShifterConfig.builder().optSteps(400).optTrainSamples(500).optEvalSamples(2000).optEvalEvery(25)
        .optSeed(3).build();
  }

  @Test
  void aShifterTrainedForOneMeanMovesTheMeanWithinFivePercentOfTheTarget() {
    List<float[]> before = adapter.weights();
    List<StepReport> reports = new ArrayList<>();
    Targets target = Targets.of(TargetEntry.fixed("mean", "age", 52));
    try (TrainedShifter shifter = ShifterTrainer.builder().setAdapter(adapter).setTargets(target)
        .optConfig(fastConfig()).optRegistry(REGISTRY).optListener(reports::add).build().train();
        ShiftedTable shifted = shifter.generate(allocator, 5000, 11)) {
      TargetReport report = shifted.report().get(0);
      assertThat(report.unshifted()).isNotCloseTo(52, within(52 * 0.05));
      assertThat(report.reached()).isCloseTo(52, within(52 * 0.05));
      assertThat(shifter.summary().orElseThrow().stopReason()).isEqualTo(StopReason.CONVERGED);
      assertThat(report.withinTolerance()).isTrue();
      assertThat(reports).isNotEmpty();
      assertThat(reports.get(0).terms()).containsKeys("meta_loss", "latent_reg", "feature_space_reg");
    }
    List<float[]> after = adapter.weights();
    for (int i = 0; i < before.size(); i++) {
      assertThat(after.get(i)).containsExactly(before.get(i));
    }
    assertThat(adapter.anyWeightRequiresGradient()).isFalse();
  }

  @Test
  void aShifterTrainedForARangeHitsTwoDifferentTargetsInsideIt() {
    Targets range = Targets.range(TargetEntry.range("mean", "age", 46, 54));
    ShifterConfig config = fastConfig().toBuilder().optSteps(800).optStopWithin(0.3).build();
    try (TrainedShifter shifter = ShifterTrainer.builder().setAdapter(adapter).setTargets(range).optConfig(config)
        .optRegistry(REGISTRY).build().train();
        ShiftedTable low = shifter.generate(allocator, 5000, 11, Targets.parse("{\"mean\": {\"age\": 47}}"));
        ShiftedTable high = shifter.generate(allocator, 5000, 11, Targets.parse("{\"mean\": {\"age\": 53}}"))) {
      double lowMean = low.report().get(0).reached();
      double highMean = high.report().get(0).reached();
      assertThat(lowMean).isCloseTo(47, within(47 * 0.05));
      assertThat(highMean).isCloseTo(53, within(53 * 0.05));
      assertThat(highMean - lowMean).isGreaterThan(3);
      assertThat(low.report().get(0).unshifted()).isEqualTo(high.report().get(0).unshifted());
    }
  }

  @Test
  void severalEntriesOfDifferentFeaturesAndUnitsAreReachedTogether() {
    Targets targets = Targets.parse("{\"sd\": {\"income\": 900}, \"cor\": {\"age~ratio\": 0.6}, "
        + "\"median\": {\"age\": 47}}");
    // Moving three entries this far in a short run needs a weak feature-space regularizer: the default
    // weight (1.0) keeps rows near the unshifted ones at some cost in accuracy.
    ShifterConfig config = fastConfig().toBuilder().optSteps(1500).optTrainSamples(1000).optLambdaX(0.01).build();
    try (TrainedShifter shifter = ShifterTrainer.builder().setAdapter(adapter).setTargets(targets).optConfig(config)
        .optRegistry(REGISTRY).build().train();
        ShiftedTable shifted = shifter.generate(allocator, 10000, 3)) {
      assertThat(shifter.scales().get(0)).isGreaterThan(100);
      assertThat(shifter.scales().get(1)).isLessThan(1);
      for (TargetReport report : shifted.report()) {
        assertThat(report.relativeError()).as(report.toString()).isLessThan(0.05);
        assertThat(report.unshiftedRelativeError()).as(report.toString()).isGreaterThan(0.05);
      }
    }
  }

  @Test
  void theAlternativeLossesAndLatentRegularizerAlsoConverge() {
    Targets target = Targets.of(TargetEntry.fixed("mean", "ratio", 0.5));
    for (String loss : List.of(MetaLosses.HUBER, MetaLosses.RELATIVE)) {
      ShifterConfig config = fastConfig().toBuilder().optMetaLoss(loss).optLambdaX(0).optLatentReg("moments")
          .build();
      try (TrainedShifter shifter = ShifterTrainer.builder().setAdapter(adapter).setTargets(target).optConfig(config)
          .optRegistry(REGISTRY).build().train()) {
        TargetReport report = shifter.summary().orElseThrow().evaluation().get(0);
        assertThat(report.withinTolerance()).as(loss + ": " + report).isTrue();
      }
    }
  }
}
