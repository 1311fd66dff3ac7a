package dev.shifter.shift;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.Regularizer;
import dev.shifter.api.ShiftContext;
import dev.shifter.shift.fixtures.MlpAdapter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BestEvaluationTest {
  private static final MetaFeatureRegistry REGISTRY = MetaFeatureRegistry.loadInstalled();
  private static final Targets TARGET = Targets.of(TargetEntry.fixed("mean", "age", 52));
  private static final int SABOTAGE_FROM = 150;
  /** Never stops early, so that the run reaches the steps where it is led astray. */
  private static final ShifterConfig CONFIG = ShifterConfig.builder().optSteps(300).optTrainSamples(500)
      .optEvalSamples(2000).optEvalEvery(25).optStopPatience(1000).optSeed(5).build();

  private static MlpAdapter adapter;

  @TempDir
  Path dir;

  @BeforeAll
  static void open() {
    adapter = new MlpAdapter(7);
  }

  @AfterAll
  static void close() {
    adapter.close();
  }

  @Test
  void aRunLedAwayFromItsTargetAfterItsBestEvaluationEndsWithTheBestWeights() throws Exception {
    try (TrainedShifter wandered = train(CONFIG)) {
      TrainingSummary summary = wandered.summary().orElseThrow();

      assertThat(summary.stopReason()).isEqualTo(StopReason.MAX_STEPS);
      assertThat(summary.steps()).isEqualTo(300);
      assertThat(summary.keptAnEarlierStep()).as(summary.toString()).isTrue();
      assertThat(summary.keptStep()).isBetween(25, SABOTAGE_FROM).matches(step -> step % 25 == 0, "an evaluated step");
      assertThat(summary.evaluation().get(0).withinTolerance()).as(summary.toString()).isTrue();

      try (TrainedShifter straight = train(CONFIG.toBuilder().optSteps(summary.keptStep()).build())) {
        assertThat(straight.summary().orElseThrow().keptAnEarlierStep()).isFalse();
        wandered.save(dir.resolve("wandered"));
        straight.save(dir.resolve("straight"));
        for (String file : List.of("delta.params", "encoder.params")) {
          assertThat(Files.readAllBytes(dir.resolve("wandered").resolve(file))).as(file)
              .isEqualTo(Files.readAllBytes(dir.resolve("straight").resolve(file)));
        }
      }
    }
  }

  @Test
  void aRunThatConvergesKeepsItsLastStep() {
    ShifterConfig converging = CONFIG.toBuilder().optStopPatience(2).build();
    try (TrainedShifter trained = ShifterTrainer.builder().setAdapter(adapter).setTargets(TARGET)
        .optConfig(converging).optRegistry(REGISTRY).build().train()) {
      TrainingSummary summary = trained.summary().orElseThrow();

      assertThat(summary.stopReason()).isEqualTo(StopReason.CONVERGED);
      assertThat(summary.keptStep()).isEqualTo(summary.steps());
      assertThat(summary.keptAnEarlierStep()).isFalse();
    }
  }

  @Test
  void aRunWhoseEveryEvaluationMovesAnEntryAwayKeepsTheUntrainedIdentity() {
    Regularizer younger = Regularizer.of("younger", context -> context.generated().get(":, 0").mean());
    try (TrainedShifter trained = ShifterTrainer.builder().setAdapter(adapter).setTargets(TARGET)
        .optConfig(CONFIG.toBuilder().optSteps(100).build()).optRegistry(REGISTRY)
        .optRegularizers(List.of(new WeightedRegularizer(10.0, younger))).build().train()) {
      TrainingSummary summary = trained.summary().orElseThrow();
      TargetReport age = summary.evaluation().get(0);

      assertThat(summary.keptUnshifted()).as(summary.toString()).isTrue();
      assertThat(summary.keptStep()).isZero();
      assertThat(summary.keptAnEarlierStep()).isFalse();
      assertThat(Math.abs(age.reached() - age.unshifted())).as(age.toString()).isLessThan(age.tolerance());
    }
  }

  @Test
  void aRunThatMovesNothingAwayDoesNotKeepTheIdentity() {
    try (TrainedShifter trained = train(CONFIG.toBuilder().optSteps(100).build())) {
      assertThat(trained.summary().orElseThrow().keptUnshifted()).isFalse();
    }
  }

  /** Trains with a regularizer that, from step {@value #SABOTAGE_FROM} on, rewards shifting far away. */
  private static TrainedShifter train(ShifterConfig config) {
    Regularizer sabotage = Regularizer.of("sabotage", BestEvaluationTest::sabotage);
    return ShifterTrainer.builder().setAdapter(adapter).setTargets(TARGET).optConfig(config).optRegistry(REGISTRY)
        .optRegularizers(List.of(new WeightedRegularizer(1.0, sabotage))).build().train();
  }

  private static NDArray sabotage(ShiftContext context) {
    NDArray size = context.shiftedZ().sub(context.z()).square().mean();
    return context.step() < SABOTAGE_FROM ? size.sub(size) : size.neg();
  }
}
