package dev.shifter.ctgan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.shifter.api.InvalidInputException;
import dev.shifter.ctgan.types.CtganConfig;
import dev.shifter.ctgan.types.FitListener;
import dev.shifter.ctgan.types.FitProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CtganTrainingTest {
  private static final CtganConfig SMALL = CtganConfig.builder()
      .optEpochs(2).optBatchSize(40).optPac(10).optEmbeddingDim(16)
      .optGeneratorDims(List.of(32, 32)).optCriticDims(List.of(32, 32)).optSeed(5).build();

  @Test
  void aFewStepsGiveFiniteLossesAndMoveBothNetworks() {
    EncodedData data = SyntheticEncodings.small(400, 1);
    try (NDManager manager = NDManager.newBaseManager();
        CtganTraining training = new CtganTraining(data, SMALL, manager)) {
      List<float[]> generator0 = snapshot(training.generatorParameters());
      List<float[]> critic0 = snapshot(training.criticParameters());
      List<FitProgress> reports = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        reports.add(training.step());
      }
      assertThat(reports).allSatisfy(r -> {
        assertThat(r.generatorLoss()).isFinite();
        assertThat(r.criticLoss()).isFinite();
        assertThat(r.gradientPenalty()).isFinite().isPositive();
      });
      assertThat(reports.stream().map(FitProgress::generatorLoss).distinct()).hasSize(5);
      assertAllChanged(generator0, snapshot(training.generatorParameters()));
      assertAllChanged(critic0, snapshot(training.criticParameters()));
    }
  }

  @Test
  void theCriticStepLeavesTheGeneratorAloneAndTheGeneratorStepLeavesTheCriticAlone() {
    EncodedData data = SyntheticEncodings.small(400, 1);
    try (NDManager manager = NDManager.newBaseManager();
        CtganTraining training = new CtganTraining(data, SMALL, manager)) {
      for (int round = 0; round < 3; round++) {
        List<float[]> generatorBefore = snapshot(training.generatorParameters());
        List<float[]> criticBefore = snapshot(training.criticParameters());
        training.criticStep();
        assertUnchanged(generatorBefore, snapshot(training.generatorParameters()));
        assertAllChanged(criticBefore, snapshot(training.criticParameters()));
        assertGradientsAreZero(training);

        List<float[]> criticAfter = snapshot(training.criticParameters());
        List<float[]> generatorAfter = snapshot(training.generatorParameters());
        training.generatorStep();
        assertUnchanged(criticAfter, snapshot(training.criticParameters()));
        assertAllChanged(generatorAfter, snapshot(training.generatorParameters()));
        assertGradientsAreZero(training);
      }
      assertThat(training.criticParameters()).allSatisfy(p -> assertThat(p.requiresGradient()).isTrue());
    }
  }

  @Test
  void theSameSeedGivesIdenticalWeights() {
    EncodedData data = SyntheticEncodings.small(400, 1);
    List<float[]> first = trainAndSnapshot(data, SMALL, 6);
    List<float[]> second = trainAndSnapshot(data, SMALL, 6);
    List<float[]> otherSeed = trainAndSnapshot(data, SMALL.toBuilder().optSeed(6).build(), 6);
    assertThat(second).hasSameSizeAs(first);
    for (int i = 0; i < first.size(); i++) {
      assertThat(second.get(i)).isEqualTo(first.get(i));
    }
    assertThat(otherSeed.get(0)).isNotEqualTo(first.get(0));
  }

  @Test
  void trainingLowersTheConditionalLoss() {
    EncodedData data = SyntheticEncodings.small(400, 1);
    CtganConfig config = SMALL.toBuilder().optGeneratorLearningRate(2e-3f)
        .optCriticLearningRate(2e-3f).build();
    try (NDManager manager = NDManager.newBaseManager();
        CtganTraining training = new CtganTraining(data, config, manager)) {
      float before = conditionalLoss(training, data);
      for (int i = 0; i < 150; i++) {
        training.step();
      }
      float after = conditionalLoss(training, data);
      assertThat(after).isLessThan(before * 0.5f);
    }
  }

  @Test
  void trainRunsTheEpochsAndStopsOnRequest() {
    EncodedData data = SyntheticEncodings.small(130, 1);
    try (NDManager manager = NDManager.newBaseManager();
        CtganTraining training = new CtganTraining(data, SMALL, manager)) {
      assertThat(training.stepsPerEpoch()).isEqualTo(3);
      List<FitProgress> steps = new ArrayList<>();
      List<Integer> epochs = new ArrayList<>();
      int done = training.train(new FitListener() {
        @Override
        public void onStep(FitProgress report) {
          steps.add(report);
        }

        @Override
        public void onEpochEnd(int completed, int total) {
          epochs.add(completed);
        }
      });
      assertThat(done).isEqualTo(2);
      assertThat(epochs).containsExactly(1, 2);
      assertThat(steps).extracting(FitProgress::epoch).containsExactly(0, 0, 0, 1, 1, 1);
      assertThat(steps).extracting(FitProgress::step).containsExactly(0, 1, 2, 0, 1, 2);
    }
    try (NDManager manager = NDManager.newBaseManager();
        CtganTraining training = new CtganTraining(data, SMALL.toBuilder().optEpochs(100).build(),
            manager)) {
      List<FitProgress> steps = new ArrayList<>();
      int done = training.train(report -> {
        steps.add(report);
        if (steps.size() == 4) {
          training.requestStop();
        }
      });
      assertThat(steps).hasSize(4);
      assertThat(done).isEqualTo(1);
      assertThat(training.train(report -> steps.add(report))).isEqualTo(1);
      assertThat(steps).hasSize(4);
    }
  }

  @Test
  void dataWithoutDiscreteColumnsTrainsWithoutConditions() {
    EncodedData data = SyntheticEncodings.continuousOnly(200, 1);
    try (NDManager manager = NDManager.newBaseManager();
        CtganTraining training = new CtganTraining(data, SMALL, manager)) {
      assertThat(training.generator().inputWidth()).isEqualTo(16);
      FitProgress report = training.step();
      assertThat(report.generatorLoss()).isFinite();
      assertThat(report.criticLoss()).isFinite();
    }
  }

  @Test
  void aBatchSizeThatIsNotAMultipleOfPacIsRefusedWithAFix() {
    assertThatThrownBy(() -> CtganConfig.builder().optBatchSize(505).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("batch size 505 must be a positive multiple of pac 10")
        .hasMessageContaining("500");
  }

  private static float conditionalLoss(CtganTraining training, EncodedData data) {
    try (NDManager step = NDManager.newBaseManager()) {
      NDArray cond = training.sampler().sampleTrain(400, new Random(99)).condArray(step);
      NDArray z = step.randomNormal(0f, 1f, new Shape(400, 16), DataType.FLOAT32);
      NDArray logits = training.generator()
          .forward(new ParameterStore(step, false), new NDList(z.concat(cond, 1)), true)
          .singletonOrThrow();
      return new ConditionalLoss(data.discrete(), data.condWidth()).of(logits, cond).getFloat();
    }
  }

  private static List<float[]> trainAndSnapshot(EncodedData data, CtganConfig config, int steps) {
    try (NDManager manager = NDManager.newBaseManager();
        CtganTraining training = new CtganTraining(data, config, manager)) {
      for (int i = 0; i < steps; i++) {
        training.step();
      }
      List<float[]> all = new ArrayList<>(snapshot(training.generatorParameters()));
      all.addAll(snapshot(training.criticParameters()));
      for (var parameter : training.generator().getParameters().values()) {
        all.add(parameter.getArray().toFloatArray());
      }
      return all;
    }
  }

  private static List<float[]> snapshot(List<Parameter> parameters) {
    List<float[]> values = new ArrayList<>();
    for (Parameter parameter : parameters) {
      values.add(parameter.getArray().toFloatArray());
    }
    return values;
  }

  private static void assertUnchanged(List<float[]> before, List<float[]> after) {
    for (int i = 0; i < before.size(); i++) {
      assertThat(after.get(i)).as("parameter %d", i).isEqualTo(before.get(i));
    }
  }

  private static void assertAllChanged(List<float[]> before, List<float[]> after) {
    for (int i = 0; i < before.size(); i++) {
      assertThat(after.get(i)).as("parameter %d", i).isNotEqualTo(before.get(i));
    }
  }

  private static void assertGradientsAreZero(CtganTraining training) {
    List<Parameter> all = new ArrayList<>(training.generatorParameters());
    all.addAll(training.criticParameters());
    for (Parameter parameter : all) {
      try (NDArray gradient = parameter.getArray().getGradient()) {
        assertThat(gradient.abs().max().getFloat()).as(parameter.getName()).isZero();
      }
    }
  }
}
