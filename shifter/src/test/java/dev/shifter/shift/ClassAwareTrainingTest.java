package dev.shifter.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import dev.shifter.ctgan.CtganModel;
import dev.shifter.ctgan.CtganTrainer;
import dev.shifter.ctgan.types.CtganConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Class-aware targets (category shares, the class entropy) trained against a real (tiny) CTGAN. */
class ClassAwareTrainingTest {
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
    String[] g = new String[rows];
    String[] c = new String[rows];
    for (int i = 0; i < rows; i++) {
      x[i] = 50 + 10 * random.nextGaussian();
      g[i] = random.nextDouble() < 0.6 ? "p" : random.nextDouble() < 0.5 ? "q" : "r";
      c[i] = x[i] + 8 * random.nextGaussian() > 58 ? "high" : "low";
    }
    CtganConfig config = CtganConfig.builder().optBatchSize(100).optEmbeddingDim(16)
        .optGeneratorDims(List.of(64, 64)).optCriticDims(List.of(64, 64)).optGeneratorLearningRate(2e-3f)
        .optCriticLearningRate(2e-3f).optEpochs(6).build();
    try (TableBuilder builder = new TableBuilder(allocator);
        Table data = builder.addContinuous("x", x).addCategorical("g", g).addCategorical("c", c).build();
        CtganModel model = CtganTrainer.builder().setData(data).optConfig(config).optSeed(2).build().fit()) {
      model.save(modelDir);
    }
  }

  @AfterAll
  static void close() {
    allocator.close();
  }

  private static ShifterConfig.Builder config() {
    return ShifterConfig.builder().optSteps(300).optTrainSamples(500).optEvalSamples(2000).optEvalEvery(25)
        .optSeed(4).optLabel("c");
  }

  private static double unshifted(CtganModel model, Targets probe) {
    try (TrainedShifter calibrationOnly = ShifterTrainer.builder().setAdapter(model.adapter()).setTargets(probe)
        .optConfig(config().optSteps(1).build()).optRegistry(REGISTRY).build().train()) {
      return calibrationOnly.unshiftedValues().get(0);
    }
  }

  @Test
  void aShifterMovesACategorysShareAndTheClassEntropyAndGenerateMeasuresThemOnTheTable() {
    Path shifterDir = dir.resolve("shares");
    double share;
    double entropy;
    try (CtganModel model = CtganModel.load(modelDir)) {
      share = unshifted(model, Targets.of(TargetEntry.fixed("freq", "g=q", 0.2))) + 0.12;
      entropy = unshifted(model, Targets.of(TargetEntry.fixed("class_ent", "value", 0.5))) + 0.08;
      Targets targets = Targets.of(TargetEntry.fixed("freq", "g=q", share),
          TargetEntry.fixed("class_ent", "value", entropy));
      try (TrainedShifter shifter = ShifterTrainer.builder().setAdapter(model.adapter())
          .optModel(ModelReference.of(modelDir)).setTargets(targets).optConfig(config().build())
          .optRegistry(REGISTRY).optOutputDirectory(shifterDir).build().train()) {
        List<TargetReport> evaluation = shifter.summary().orElseThrow().evaluation();
        assertThat(evaluation.get(0).reached()).as("freq[g=q]").isCloseTo(share, within(0.03));
        assertThat(evaluation.get(1).reached()).as("class_ent").isCloseTo(entropy, within(0.03));
      }
    }
    assertThat(TrainedShifter.inspect(shifterDir).config().label()).isEqualTo("c");
    try (LoadedGenerator loaded = GeneratorLoaders.load(modelDir);
        TrainedShifter shifter = TrainedShifter.load(shifterDir, loaded);
        ShiftedTable shifted = shifter.generate(allocator, 4000, 5)) {
      TargetReport freq = shifted.report().get(0);
      assertThat(freq.reached()).as("the share counted in the generated table").isCloseTo(share, within(0.04));
      assertThat(freq.unshifted()).isNotCloseTo(share, within(0.05));
      int q = 0;
      for (int row = 0; row < shifted.table().rowCount(); row++) {
        q += "q".equals(shifted.table().categoricalValue("g", row)) ? 1 : 0;
      }
      assertThat(freq.reached()).isCloseTo(q / 4000.0, within(1e-6));
    }
  }

  @Test
  void aLearntConditionIsSavedWithTheShifterAndGeneratesTheSameRowsAfterLoading() {
    Path shifterDir = dir.resolve("learnt");
    Targets targets = Targets.of(TargetEntry.fixed("freq", "g=r", 0.3));
    double reached;
    try (CtganModel model = CtganModel.load(modelDir);
        TrainedShifter shifter = ShifterTrainer.builder().setAdapter(model.adapter())
            .optModel(ModelReference.of(modelDir)).setTargets(targets)
            .optConfig(config().optSteps(60).optCondition(ShifterConfig.CONDITION_LEARNT).build())
            .optRegistry(REGISTRY).optOutputDirectory(shifterDir).build().train();
        ShiftedTable shifted = shifter.generate(allocator, 1000, 8)) {
      reached = shifted.report().get(0).reached();
    }
    assertThat(TrainedShifter.inspect(shifterDir).config().condition()).isEqualTo(ShifterConfig.CONDITION_LEARNT);
    try (LoadedGenerator loaded = GeneratorLoaders.load(modelDir);
        TrainedShifter shifter = TrainedShifter.load(shifterDir, loaded);
        ShiftedTable shifted = shifter.generate(allocator, 1000, 8)) {
      assertThat(shifted.report().get(0).reached()).isEqualTo(reached);
    }
  }

  @Test
  void classAwareTargetsWithoutALabelOrWithAnUnknownCategoryOrAContinuousLabelAreRefusedWithTheFix() {
    try (CtganModel model = CtganModel.load(modelDir)) {
      assertThatThrownBy(() -> ShifterTrainer.builder().setAdapter(model.adapter())
          .setTargets(Targets.of(TargetEntry.fixed("class_ent", "value", 0.5))).optRegistry(REGISTRY)
          .optConfig(config().optLabel(null).build()).build())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("class_ent needs the label column").hasMessageContaining("g, c");
      assertThatThrownBy(() -> ShifterTrainer.builder().setAdapter(model.adapter())
          .setTargets(Targets.of(TargetEntry.fixed("freq", "g=z", 0.5))).optRegistry(REGISTRY)
          .optConfig(config().build()).build())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("column 'g' has no category 'z'. Its categories are: p, q, r");
      assertThatThrownBy(() -> ShifterTrainer.builder().setAdapter(model.adapter())
          .setTargets(Targets.of(TargetEntry.fixed("freq", "q", 0.5))).optRegistry(REGISTRY)
          .optConfig(config().build()).build())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("key it as \"column=category\"");
      assertThatThrownBy(() -> ShifterTrainer.builder().setAdapter(model.adapter())
          .setTargets(Targets.of(TargetEntry.fixed("freq", "g=q", 0.5))).optRegistry(REGISTRY)
          .optConfig(config().optLabel("x").build()).build())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("'x' is a continuous column of the model");
      assertThatThrownBy(() -> ShifterTrainer.builder().setAdapter(model.adapter())
          .setTargets(Targets.of(TargetEntry.fixed("freq", "g=q", 1.5))).optRegistry(REGISTRY)
          .optConfig(config().build()).build())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("is impossible");
    }
  }
}
