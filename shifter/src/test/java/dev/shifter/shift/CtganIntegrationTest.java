package dev.shifter.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.GeneratorAdapter;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.RealismCritic;
import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import dev.shifter.ctgan.CtganModel;
import dev.shifter.ctgan.CtganTrainer;
import dev.shifter.ctgan.types.CtganConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Shifter against a real (tiny) CTGAN, fitted for a few epochs on generated data. */
class CtganIntegrationTest {
  private static final MetaFeatureRegistry REGISTRY = MetaFeatureRegistry.loadInstalled();

  @TempDir
  static Path dir;
  private static BufferAllocator allocator;
  private static Path modelDir;

  @BeforeAll
  static void fitATinyCtgan() {
    allocator = new RootAllocator();
    modelDir = dir.resolve("model");
    Random random = new Random(1);
    int rows = 1200;
    double[] x = new double[rows];
    double[] y = new double[rows];
    String[] g = new String[rows];
    for (int i = 0; i < rows; i++) {
      x[i] = 50 + 10 * random.nextGaussian();
      y[i] = 0.3 * x[i] + 5 * random.nextGaussian();
      g[i] = random.nextDouble() < 0.6 ? "p" : random.nextDouble() < 0.5 ? "q" : "r";
    }
    CtganConfig config = CtganConfig.builder().optBatchSize(100).optEmbeddingDim(16)
        .optGeneratorDims(List.of(64, 64)).optCriticDims(List.of(64, 64)).optGeneratorLearningRate(2e-3f)
        .optCriticLearningRate(2e-3f).optEpochs(6)
        // the bound-pile expectations below were set on the last weights of this 72-step fit
        .optGeneratorAveraging(0f).build();
    try (TableBuilder builder = new TableBuilder(allocator);
        Table data = builder.addContinuous("x", x).addCategorical("g", g).addContinuous("y", y).build();
        CtganModel model = CtganTrainer.builder().setData(data).optConfig(config).optSeed(2).build().fit();
        Table sample = model.sample(allocator, 500, 1)) {
      assertThat(sample.continuous("x").getNullCount()).as("rows of the fitted CTGAN with no x (a NaN generator?)")
          .isZero();
      model.save(modelDir);
    }
  }

  @AfterAll
  static void close() {
    allocator.close();
  }

  @Test
  void aShifterWithTheCtganCriticsRealismTermStillMovesTheMeanAndTheCriticScoresNoDifferently() {
    try (CtganModel model = CtganModel.load(modelDir); NDManager manager = NDManager.newBaseManager()) {
      GeneratorAdapter adapter = model.adapter();
      RealismCritic critic = (RealismCritic) adapter;
      Engine.getInstance().setRandomSeed(9);
      NDArray z = manager.randomNormal(new Shape(200, adapter.latentDim()));
      NDArray cond = adapter.sampleCondVec(manager, 200);
      NDArray noise = critic.sampleCriticNoise(manager, 200);
      float[] before = critic.criticScores(z, cond, noise).toFloatArray();
      ShifterConfig config = ShifterConfig.builder().optSteps(600).optTrainSamples(500).optEvalSamples(2000)
          .optEvalEvery(25).optSeed(4).optLambdaCritic(0.1).build();
      List<StepReport> reports = new ArrayList<>();
      double target;
      try (TrainedShifter shifter = ShifterTrainer.builder().setAdapter(adapter)
          .setTargets(Targets.of(TargetEntry.fixed("mean", "x", 50))).optConfig(config.toBuilder().optSteps(1).build())
          .optRegistry(REGISTRY).build().train()) {
        target = Math.round(shifter.unshiftedValues().get(0) * 0.9);
      }
      try (TrainedShifter shifter = ShifterTrainer.builder().setAdapter(adapter)
          .setTargets(Targets.of(TargetEntry.fixed("mean", "x", target))).optConfig(config).optRegistry(REGISTRY)
          .optListener(reports::add).build().train()) {
        assertThat(shifter.summary().orElseThrow().evaluation().get(0).reached()).isCloseTo(target,
            within(0.05 * target));
      }

      // The term was computed at every step; it is never negative (only a drop in realism counts). This
      // tiny critic happens to score the shifted rows no lower than the unshifted ones, so it may stay 0.
      assertThat(reports).isNotEmpty().allSatisfy(r -> assertThat(r.terms().get("critic_reg")).isNotNegative());
      assertThat(critic.criticScores(z, cond, noise).toFloatArray()).containsExactly(before);
    }
  }

  @Test
  void aShifterMovesTheMeanOfACtganAndLeavesItsParametersBitIdentical() throws Exception {
    Path shifterDir = dir.resolve("shifter");
    double target;
    try (CtganModel model = CtganModel.load(modelDir)) {
      ShifterConfig config = ShifterConfig.builder().optSteps(600).optTrainSamples(500).optEvalSamples(2000)
          .optEvalEvery(25).optSeed(4).build();
      Targets probe = Targets.of(TargetEntry.fixed("mean", "x", 50));
      double unshifted;
      try (TrainedShifter calibrationOnly = ShifterTrainer.builder().setAdapter(model.adapter()).setTargets(probe)
          .optConfig(config.toBuilder().optSteps(1).build()).optRegistry(REGISTRY).build().train()) {
        unshifted = calibrationOnly.unshiftedValues().get(0);
      }
      target = Math.round(unshifted * 0.9);
      try (TrainedShifter shifter = ShifterTrainer.builder().setAdapter(model.adapter())
          .optModel(ModelReference.of(modelDir)).setTargets(Targets.of(TargetEntry.fixed("mean", "x", target)))
          .optConfig(config).optRegistry(REGISTRY).optOutputDirectory(shifterDir).build().train()) {
        assertThat(shifter.summary().orElseThrow().evaluation().get(0).reached()).isCloseTo(target,
            within(0.05 * target));
      }
      model.save(dir.resolve("model-after"));
    }
    for (String file : List.of("generator.params", "critic.params")) {
      assertThat(Files.readAllBytes(dir.resolve("model-after").resolve(file)))
          .as(file).isEqualTo(Files.readAllBytes(modelDir.resolve(file)));
    }

    try (LoadedGenerator loaded = GeneratorLoaders.load(modelDir);
        TrainedShifter shifter = TrainedShifter.load(shifterDir, loaded);
        ShiftedTable shifted = shifter.generate(allocator, 4000, 5)) {
      TargetReport report = shifted.report().get(0);
      assertThat(report.reached()).isCloseTo(target, within(0.05 * target));
      assertThat(report.unshifted()).isNotCloseTo(target, within(0.05 * target));
      assertThat(shifted.table().columnNames()).containsExactly("x", "g", "y");
    }
  }

  @Test
  void aMeanBeyondTheColumnsFittedRangeIsRefusedAsOutOfReachBeforeTraining() {
    try (CtganModel model = CtganModel.load(modelDir)) {
      GeneratorAdapter adapter = model.adapter();
      double max = adapter.continuousBounds().get(0).max();
      Targets beyond = Targets.of(TargetEntry.fixed("mean", "x", max + 1));

      assertThatThrownBy(() -> ShifterTrainer.builder().setAdapter(adapter).setTargets(beyond).optRegistry(REGISTRY)
          .build())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("mean[x] = " + (max + 1) + " is out of reach: the model makes x only within [")
          .hasMessageContaining("Choose a target inside it");
      assertThatThrownBy(() -> ShifterTrainer.builder().setAdapter(adapter)
          .setTargets(Targets.of(TargetEntry.fixed("sd", "x", 2 * adapter.continuousBounds().get(0).width())))
          .optRegistry(REGISTRY).build())
          .hasMessageContaining("sd[x]").hasMessageContaining("is out of reach");
    }
  }

  @Test
  void aMeanThatNeedsMassBeyondTheBoundIsReportedAsAPileAtTheBoundAndAPlausibleOneIsNot() {
    try (CtganModel model = CtganModel.load(modelDir)) {
      GeneratorAdapter adapter = model.adapter();
      double max = adapter.continuousBounds().get(0).max();
      ShifterConfig config = ShifterConfig.builder().optSteps(400).optTrainSamples(500).optEvalSamples(4000)
          .optEvalEvery(50).optLambdaX(0.01).optLearningRate(0.003).optSeed(3).build();
      List<BoundPile> piles;
      try (TrainedShifter edge = ShifterTrainer.builder().setAdapter(adapter)
          .setTargets(Targets.of(TargetEntry.fixed("mean", "x", max - 0.5))).optConfig(config).optRegistry(REGISTRY)
          .build().train()) {
        piles = edge.summary().orElseThrow().piles();
      }
      List<BoundPile> plausible;
      try (TrainedShifter near = ShifterTrainer.builder().setAdapter(adapter)
          .setTargets(Targets.of(TargetEntry.fixed("mean", "x", 52)))
          .optConfig(ShifterConfig.builder().optSteps(400).optTrainSamples(500).optEvalSamples(4000).optSeed(3).build())
          .optRegistry(REGISTRY)
          .build().train()) {
        plausible = near.summary().orElseThrow().piles();
      }

      assertThat(piles).anySatisfy(pile -> {
        assertThat(pile.entry()).isEqualTo("mean[x]");
        assertThat(pile.atMaximum()).isTrue();
        assertThat(pile.bound()).isEqualTo(max);
        assertThat(pile.excess()).isGreaterThan(BoundPile.THRESHOLD);
      });
      assertThat(plausible).isEmpty();
    }
  }

  @Test
  void aShiftThatMovesTheSharesOfAnUntargetedCategoryBeyondTheLimitIsNeverKept() {
    try (CtganModel model = CtganModel.load(modelDir)) {
      GeneratorAdapter adapter = model.adapter();
      ShifterConfig strict = ShifterConfig.builder().optSteps(100).optTrainSamples(500).optEvalSamples(2000)
          .optEvalEvery(25).optMaxShareShift(0).optSeed(3).build();
      try (TrainedShifter trained = ShifterTrainer.builder().setAdapter(adapter)
          .setTargets(Targets.of(TargetEntry.fixed("mean", "y", 20))).optConfig(strict).optRegistry(REGISTRY)
          .build().train()) {
        TrainingSummary summary = trained.summary().orElseThrow();

        assertThat(summary.realismRejections()).as(summary.toString()).isEqualTo(4);
        assertThat(summary.realismViolation()).startsWith("g's category shares").contains("away from the closest reweighting's")
            .contains("max_share_shift is 0.0");
        assertThat(summary.keptUnshifted()).isTrue();
        assertThat(summary.stopReason()).isEqualTo(StopReason.MAX_STEPS);
        TargetReport report = summary.evaluation().get(0);
        assertThat(report.reached()).as("the identity's rows: the unshifted mean, give or take sampling noise")
            .isCloseTo(report.unshifted(), within(0.6));
      }
    }
  }
}
